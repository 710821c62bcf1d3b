// Pure business rules of the sessions service (deciders, commands, state, algorithms).
// No I/O and no framework: lint bans @nestjs/*, mongoose, mongodb and kafkajs here.
export * from './session';
export * from './known-relationship';
export * from './cadence';
export * from './feedback';
