// Compiles apps/ and libs/ to dist/ with SWC (type checking is `npm run typecheck`'s job).
// Path aliases become relative requires, so `node dist/apps/<svc>/src/main.js` runs as is.
import { createRequire } from 'node:module';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { transformFile } = require('@swc/core');
const { swcOptions, workspaceRoot } = require('./swc-options.cjs');

const outDir = path.join(workspaceRoot, 'dist');
const sourceRoots = ['apps', 'libs'];
const isTestFile = (name) => name.endsWith('.spec.ts') || name.includes('__fixtures__');

async function* sourceFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '__fixtures__') yield* sourceFiles(full);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !isTestFile(entry.name)) {
      yield full;
    }
  }
}

async function compile(file) {
  const relative = path.relative(workspaceRoot, file);
  const target = path.join(outDir, relative.replace(/\.ts$/, '.js'));
  const { code, map } = await transformFile(file, {
    ...swcOptions({ rewritePaths: true }),
    filename: file,
    sourceFileName: path.relative(path.dirname(target), file),
    swcrc: false,
  });
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
  if (map) await writeFile(`${target}.map`, map);
}

const started = Date.now();
await rm(outDir, { recursive: true, force: true });
let count = 0;
for (const root of sourceRoots) {
  const jobs = [];
  for await (const file of sourceFiles(path.join(workspaceRoot, root))) jobs.push(compile(file));
  await Promise.all(jobs);
  count += jobs.length;
}
console.log(`build: compiled ${count} files to dist/ in ${Date.now() - started} ms`);
