// Pure business rules of the analytics service (deciders, commands, state, algorithms).
// No I/O and no framework: lint bans @nestjs/*, mongoose, mongodb and kafkajs here.
export {};
