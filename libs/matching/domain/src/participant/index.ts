export * from './participant-state';
export * from './participant-decider';
export * from './mentor-load';
