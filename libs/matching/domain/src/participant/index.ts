export * from './participant-state';
export * from './participant-decider';
