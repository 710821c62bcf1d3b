// Runs a benchmark from tools/bench: compiles libs/ and tools/bench/ with SWC into a cache folder,
// finds or starts the local infrastructure, then runs the named benchmark, which prints JSON.
//   npm run bench -- pipeline
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { compileTrees } from '../scripts/compile.mjs';

const require = createRequire(import.meta.url);
const { workspaceRoot } = require('../scripts/swc-options.cjs');
const name = process.argv[2];
if (!name) {
  console.error('usage: npm run bench -- <name>   (e.g. pipeline)');
  process.exit(2);
}
const outDir = path.join(workspaceRoot, 'node_modules/.cache/tandem-bench');
await rm(outDir, { recursive: true, force: true });
await compileTrees({
  roots: [path.join(workspaceRoot, 'libs'), path.join(workspaceRoot, 'tools/bench')],
  baseDir: workspaceRoot,
  outDir,
});
const benchFile = path.join(outDir, 'tools/bench', name, `${name}.bench.js`);
let bench = require(benchFile);
const infraCli = path.join(workspaceRoot, 'tools/infra/cli.mjs');
// Servers this run started are stopped at the end, as `npm test` does; ones already running stay.
let startedHere = [];
// A benchmark exporting `needsInfra = false` is pure CPU work: no Kafka or MongoDB to start.
if (bench.needsInfra !== false && (!process.env.KAFKA_BROKERS || !process.env.MONGODB_URI)) {
  const up = JSON.parse(
    execFileSync(process.execPath, [infraCli, 'up', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  Object.assign(process.env, up.env);
  startedHere = Object.entries(up.started).filter(([, started]) => started).map(([server]) => server);
  // Loaded again so module-level reads of the infra's environment see it.
  delete require.cache[benchFile];
  bench = require(benchFile);
}
process.env.KAFKA_LOG_LEVEL ??= 'nothing';
try {
  await bench.main();
} finally {
  if (startedHere.length > 0 && process.env.TANDEM_KEEP_INFRA !== '1') {
    execFileSync(process.execPath, [infraCli, 'down', ...startedHere], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
