export * from './goal-state';
export * from './goal-commands';
export * from './goal-evolve';
export * from './goal-decider';
export * from './goal-status';
export * from './goal-rules';
