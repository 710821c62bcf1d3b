export * from './template-decider';
