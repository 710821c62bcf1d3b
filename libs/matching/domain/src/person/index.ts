export * from './person-decider';
