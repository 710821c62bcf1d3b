export * from './goal-rule-violation';
export * from './days';
