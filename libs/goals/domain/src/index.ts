// Pure business rules of the goals service (deciders, commands, state, the status rule).
// No I/O and no framework: lint bans @nestjs/*, mongoose, mongodb and kafkajs here.
export * from './shared';
export * from './goal';
export * from './template';
