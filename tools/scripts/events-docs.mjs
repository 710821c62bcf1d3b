// `npm run events:docs`: regenerates libs/events' JSON Schemas, AsyncAPI document and schema lock
// from the event catalogue. libs/events depends on npm packages only, so it compiles on its own
// with the build's SWC options, into node_modules/.cache rather than dist/, which a running
// `npm start` may be using; node_modules/.cache keeps zod and js-yaml resolvable from there.
import { createRequire } from 'node:module';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { compileTrees } from './compile.mjs';

const require = createRequire(import.meta.url);
const { workspaceRoot } = require('./swc-options.cjs');

const libRoot = path.join(workspaceRoot, 'libs/events');
const outDir = path.join(workspaceRoot, 'node_modules/.cache/tandem-events-docs');

await rm(outDir, { recursive: true, force: true });
await compileTrees({ roots: [path.join(libRoot, 'src')], baseDir: libRoot, outDir, rewritePaths: false });
const { writeEventDocs } = require(path.join(outDir, 'src/docs/write-docs.js'));
const result = writeEventDocs(libRoot);
if (!result.ok) {
  console.error('events:docs: refusing to regenerate, published event schemas would change:');
  for (const problem of result.problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(
  `events:docs: ${result.written.length} written, ${result.removed.length} removed, ${result.locked.length} newly locked`,
);
for (const file of result.written) console.log(`  wrote   libs/events/${file}`);
for (const file of result.removed) console.log(`  removed libs/events/${file}`);
for (const key of result.locked) console.log(`  locked  ${key}`);
