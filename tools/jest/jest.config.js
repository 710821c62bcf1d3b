// One Jest run for the whole workspace: one global setup brings up Kafka and the
// MongoDB-compatible server once, and test files run in parallel against it.
const { swcOptions, readTsPaths } = require('../scripts/swc-options.cjs');

const moduleNameMapper = Object.fromEntries(
  Object.entries(readTsPaths()).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcOptions({ rewritePaths: false }), swcrc: false }],
    // jose ships only ES modules, which Jest's CommonJS runtime cannot require (Node itself can).
    '/node_modules/jose/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' }, swcrc: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper,
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
