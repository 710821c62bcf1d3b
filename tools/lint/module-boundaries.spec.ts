import { execFileSync } from 'node:child_process';
import path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '../..');

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; severity: number }[];
}

function lint(snippets: { filePath: string; code: string }[]): LintResult[] {
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
  // The boundary rule skips itself without a cached project graph: compute it, as `npm run lint` does.
  execFileSync('npx', ['--no-install', 'nx', 'show', 'projects'], { cwd: workspaceRoot, env, stdio: 'ignore' });
  const stdout = execFileSync(process.execPath, [path.join(__dirname, 'lint-snippets.mjs')], {
    cwd: workspaceRoot,
    env,
    input: JSON.stringify(snippets),
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as LintResult[];
}

const errorsOf = (result: LintResult | undefined) =>
  (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);

describe('module boundaries (ESLint with @nx/enforce-module-boundaries)', () => {
  const cases = {
    allowed: { filePath: 'apps/goals/src/allowed.ts', code: "import { runService } from '@tandem/runtime';\nexport const r = runService;\n" },
    otherServiceDomain: {
      filePath: 'apps/goals/src/bad-domain.ts',
      code: "import * as matching from '@tandem/matching-domain';\nexport const m = matching;\n",
    },
    otherApp: {
      filePath: 'apps/goals/src/bad-app.ts',
      code: "import { MatchingModule } from '../../matching/src/matching.module';\nexport const m = MatchingModule;\n",
    },
    frameworkInDomain: {
      filePath: 'libs/matching/domain/src/bad-framework.ts',
      code: "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n",
    },
    mongooseInDomain: {
      filePath: 'libs/goals/domain/src/bad-mongoose.ts',
      code: "import mongoose from 'mongoose';\nexport const m = mongoose;\n",
    },
    kafkajsOutsideMessaging: {
      filePath: 'libs/runtime/src/bad-kafka.ts',
      code: "import { Kafka } from 'kafkajs';\nexport const k = Kafka;\n",
    },
    testingInShippedCode: {
      filePath: 'libs/runtime/src/bad-testing.ts',
      code: "import { waitFor } from '@tandem/testing';\nexport const w = waitFor;\n",
    },
    testingInSpec: {
      filePath: 'libs/runtime/src/fine.spec.ts',
      code: "import { waitFor } from '@tandem/testing';\nexport const w = waitFor;\n",
    },
    authTestKitInShippedCode: {
      filePath: 'apps/matching/src/bad-issuer.ts',
      code: "import { createTestIssuer } from '@tandem/auth/testing';\nexport const c = createTestIssuer;\n",
    },
    authTestKitInSpec: {
      filePath: 'apps/matching/src/fine-issuer.int.spec.ts',
      code: "import { createTestIssuer } from '@tandem/auth/testing';\nexport const c = createTestIssuer;\n",
    },
  };
  let results: Record<keyof typeof cases, LintResult | undefined>;

  beforeAll(() => {
    const names = Object.keys(cases) as (keyof typeof cases)[];
    const linted = lint(names.map((name) => cases[name]));
    results = Object.fromEntries(names.map((name, i) => [name, linted[i]])) as typeof results;
  });

  it('accepts an app importing a shared library, and a spec importing the test library', () => {
    expect(errorsOf(results.allowed)).toEqual([]);
    expect(errorsOf(results.testingInSpec)).toEqual([]);
    expect(errorsOf(results.authTestKitInSpec)).toEqual([]);
  });

  it("fails an app importing another service's domain library", () => {
    expect(errorsOf(results.otherServiceDomain).join('\n')).toMatch(/@nx\/enforce-module-boundaries.*scope:goals/s);
  });

  it('fails an app importing another app', () => {
    expect(errorsOf(results.otherApp).join('\n')).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('fails a domain library importing a framework or a database driver', () => {
    expect(errorsOf(results.frameworkInDomain).join('\n')).toMatch(/@nx\/enforce-module-boundaries.*@nestjs\/common/s);
    expect(errorsOf(results.mongooseInDomain).join('\n')).toMatch(/@nx\/enforce-module-boundaries.*mongoose/s);
  });

  it('fails kafkajs imported outside libs/messaging', () => {
    expect(errorsOf(results.kafkajsOutsideMessaging).join('\n')).toMatch(/no-restricted-imports.*@tandem\/messaging/s);
  });

  it('fails the test library imported by shipped code', () => {
    expect(errorsOf(results.testingInShippedCode).join('\n')).toMatch(/no-restricted-imports.*spec\.ts files only/s);
  });

  it('fails the auth test kit (a token issuer with its private key) imported by shipped code', () => {
    expect(errorsOf(results.authTestKitInShippedCode).join('\n')).toMatch(/no-restricted-imports.*auth test kit/s);
  });
});
