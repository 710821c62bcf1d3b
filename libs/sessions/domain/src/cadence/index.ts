export * from './check-in-cadence';
