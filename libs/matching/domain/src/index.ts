// Pure business rules of the matching service (deciders, commands, state, algorithms).
// No I/O and no framework: lint bans @nestjs/*, mongoose, mongodb and kafkajs here.
export * from './program';
export * from './participant';
export * from './relationship';
export * from './match-run-lifecycle';
export * from './scoring';
export * from './solver';
export * from './match-run';
export * from './reflection';
export * from './person';
