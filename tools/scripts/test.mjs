// `npm test`: lint (with module boundaries), type check, then every Jest test against real
// Kafka and a MongoDB-compatible server (the Jest global setup finds or starts them).
// Extra arguments go to Jest: `npm test -- libs/messaging`.
import { spawnSync } from 'node:child_process';

const jestArgs = process.argv.slice(2);
const ci = process.env.CI === 'true' || process.env.CI === '1';
const steps = [
  { name: 'lint', command: 'node', args: ['tools/scripts/lint.mjs'] },
  { name: 'typecheck', command: 'npx', args: ['--no-install', 'tsc', '-p', 'tools/tsconfig.typecheck.json'] },
  { name: 'typecheck demo', command: 'npx', args: ['--no-install', 'tsc', '-p', 'tools/demo/tsconfig.json'] },
  { name: 'jest', command: 'npx', args: ['--no-install', 'jest', '-c', 'tools/jest/jest.config.js', ...(ci ? ['--ci'] : []), ...jestArgs] },
];

const timings = [];
for (const step of steps) {
  process.stdout.write(`\n== ${step.name} ==\n`);
  const started = Date.now();
  const result = spawnSync(step.command, step.args, { stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  timings.push(`${step.name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    process.stderr.write(`\nnpm test: ${step.name} failed (${timings.join(', ')})\n`);
    process.exit(result.status ?? 1);
  }
}
process.stdout.write(`\nnpm test: all passed (${timings.join(', ')})\n`);
