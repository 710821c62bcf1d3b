export { waitFor, type WaitForOptions } from './wait-for';
export { uniqueName } from './unique-name';
export { testInfra, withDatabase, type TestInfra } from './test-infra';
export { connectTestDatabase, type TestDatabase } from './test-database';
export { freePort } from './free-port';
export { seededRandom } from './seeded-random';
export { programCreatedData } from './program-created';
export { docsExamined } from './docs-examined';
