import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asyncApiFilePath } from './asyncapi';
import { schemasDir } from './json-schemas';
import { lockFilePath } from './schema-lock';

// The generator's files on disk: read for the staleness test and the generator, written by the generator.

/** Every file the generator owns that exists under `libRoot` (libs/events): relative POSIX path → content. */
export function readGeneratedFiles(libRoot: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of [...listFiles(libRoot, schemasDir), asyncApiFilePath, lockFilePath]) {
    const full = path.join(libRoot, file);
    if (existsSync(full)) files.set(file, readFileSync(full, 'utf8'));
  }
  return files;
}

export function writeGeneratedFile(libRoot: string, file: string, content: string): void {
  const full = path.join(libRoot, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
}

/** Removes a file and the directories it leaves empty, up to `libRoot`. */
export function removeGeneratedFile(libRoot: string, file: string): void {
  rmSync(path.join(libRoot, file));
  for (let dir = path.dirname(path.join(libRoot, file)); dir !== libRoot; dir = path.dirname(dir)) {
    if (readdirSync(dir).length > 0) break;
    rmdirSync(dir);
  }
}

function listFiles(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    return entry.isDirectory() ? listFiles(root, relative) : [relative];
  });
}
