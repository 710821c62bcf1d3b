import nx from '@nx/eslint-plugin';

// Banned in business rules and contracts: they stay free of frameworks and I/O.
const frameworkImports = ['@nestjs/*', 'mongoose', 'mongodb', 'kafkajs', 'express'];
const services = ['matching', 'goals', 'sessions', 'analytics'];
const kafkajsBan = { name: 'kafkajs', message: 'Use @tandem/messaging; only libs/messaging imports kafkajs.' };
const testingBan = { name: '@tandem/testing', message: 'Test infrastructure is for *.spec.ts files only.' };
const authTestingBan = { name: '@tandem/auth/testing', message: 'The auth test kit is for *.spec.ts files only.' };
const runtimeTestingBan = { name: '@tandem/runtime/testing', message: 'The service test kit is for *.spec.ts files only.' };

export default [
  // libs/api-client/src/generated: openapi-typescript's output (`npm run api:client`), checked by its staleness test.
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      '.data/**',
      'coverage/**',
      '.nx/**',
      '**/__fixtures__/**',
      'libs/api-client/src/generated/**',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // No app imports another app.
            { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:app'] },
            // A service sees its own libs and the shared ones; shared libs see only shared ones.
            ...services.map((scope) => ({
              sourceTag: `scope:${scope}`,
              onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
            })),
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              bannedExternalImports: frameworkImports,
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: frameworkImports,
            },
            // type:testing is allowed everywhere for specs; the rule below keeps it out of shipped code.
            { sourceTag: 'type:infra', notDependOnLibsWithTags: ['type:app', 'type:domain'] },
            { sourceTag: 'type:testing', notDependOnLibsWithTags: ['type:app'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests index into arrays they just built and stub callbacks; strictness there only adds noise.
    files: ['**/*.spec.ts', '**/*.test-kit.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-empty-function': 'off' },
  },
  // Import bans; a later block replaces an earlier one's list for the files both match.
  // kafkajs stays behind libs/messaging so the client can be swapped in one place, and test
  // infrastructure never ships inside a service.
  { files: ['**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: [kafkajsBan] }] } },
  { files: ['libs/messaging/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: [testingBan, authTestingBan, runtimeTestingBan] }] } },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/messaging/**', 'libs/testing/**', '**/*.spec.ts', '**/*.test-kit.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [kafkajsBan, testingBan, authTestingBan, runtimeTestingBan] }] },
  },
  // Benchmarks measure the raw client beside our wrappers, so they may import it; the test run's
  // global setup administers the local broker itself (it deletes earlier runs' topics), as tools/infra does.
  {
    files: ['libs/messaging/**/*.spec.ts', 'tools/bench/**/*.ts', 'libs/testing/src/jest/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
];
