// Compiles apps/ and libs/ to dist/ with SWC. Path aliases become relative requires, so
// `node dist/apps/<svc>/src/main.js` runs as is.
import { createRequire } from 'node:module';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { compileTrees } from './compile.mjs';

const require = createRequire(import.meta.url);
const { workspaceRoot } = require('./swc-options.cjs');

const outDir = path.join(workspaceRoot, 'dist');
const started = Date.now();
await rm(outDir, { recursive: true, force: true });
const count = await compileTrees({
  roots: ['apps', 'libs'].map((dir) => path.join(workspaceRoot, dir)),
  baseDir: workspaceRoot,
  outDir,
});
console.log(`build: compiled ${count} files to dist/ in ${Date.now() - started} ms`);
