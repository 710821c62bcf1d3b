export * from './relationship-state';
export * from './relationship-commands';
export * from './relationship-decider';
