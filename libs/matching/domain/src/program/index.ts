export * from './program-state';
export * from './program-commands';
export * from './program-decider';
