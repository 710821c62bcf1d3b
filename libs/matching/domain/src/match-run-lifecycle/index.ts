export * from './match-run-decider';
