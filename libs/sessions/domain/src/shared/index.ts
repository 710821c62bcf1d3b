export * from './rule-violation';
