export * from './session-state';
export * from './session-commands';
export * from './session-decider';
export { evolveSession } from './session-evolve';
