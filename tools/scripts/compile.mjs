// Compiles TypeScript trees with SWC (no type checking: that is `npm run typecheck`'s job), keeping
// the directory layout under outDir. Shared by the build and the event-docs generator.
import { createRequire } from 'node:module';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { transformFile } = require('@swc/core');
const { swcOptions } = require('./swc-options.cjs');

// Specs and their shared helpers (*.test-kit.ts) never ship.
const isSource = (name) =>
  name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.test-kit.ts');

async function* sourceFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* sourceFiles(full);
    } else if (isSource(entry.name)) {
      yield full;
    }
  }
}

async function compileFile(file, baseDir, outDir, rewritePaths) {
  const target = path.join(outDir, path.relative(baseDir, file).replace(/\.ts$/, '.js'));
  const { code, map } = await transformFile(file, {
    ...swcOptions({ rewritePaths }),
    filename: file,
    sourceFileName: path.relative(path.dirname(target), file),
    swcrc: false,
  });
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
  if (map) await writeFile(`${target}.map`, map);
}

/** Compiles every source file under `roots` to `outDir`, paths relative to `baseDir`; returns the count. */
export async function compileTrees({ roots, baseDir, outDir, rewritePaths = true }) {
  let count = 0;
  for (const root of roots) {
    const jobs = [];
    for await (const file of sourceFiles(root)) jobs.push(compileFile(file, baseDir, outDir, rewritePaths));
    await Promise.all(jobs);
    count += jobs.length;
  }
  return count;
}
