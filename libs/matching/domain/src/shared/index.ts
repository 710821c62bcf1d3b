export * from './rule-violation-error';
