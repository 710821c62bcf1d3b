import type { EventDefinition } from '../define-event';
import { eventCatalogue } from '../registry';
import { renderAsyncApi } from './asyncapi';
import { renderJsonSchemas } from './json-schemas';
import { extendLock, lockFilePath, lockViolations, parseLock, renderLock, schemaHashes } from './schema-lock';

// What `npm run events:docs` should leave on disk, computed without touching it, so that the
// generator and the staleness test agree by construction.

export type ExpectedDocs =
  | { readonly ok: true; readonly files: ReadonlyMap<string, string>; readonly locked: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

export interface DocsDrift {
  readonly file: string;
  readonly kind: 'missing' | 'stale' | 'extra';
}

/**
 * Every file the generator owns (JSON Schemas, AsyncAPI document, schema lock), path relative to
 * libs/events → content, given the `committed` ones; or why it must not be regenerated: a
 * published version changed in place or left the catalogue.
 */
export function expectedEventDocs(
  committed: ReadonlyMap<string, string>,
  catalogue: readonly EventDefinition[] = eventCatalogue,
): ExpectedDocs {
  const hashes = schemaHashes(catalogue);
  const committedLock = committed.get(lockFilePath);
  const lock = committedLock === undefined ? {} : parseLock(committedLock);
  const problems = lockViolations(lock, hashes);
  if (problems.length > 0) return { ok: false, problems };
  const { lock: extended, added } = extendLock(lock, hashes);
  const files = new Map([...renderJsonSchemas(catalogue), ...renderAsyncApi(catalogue)]);
  files.set(lockFilePath, renderLock(extended));
  return { ok: true, files, locked: added };
}

/** The files that differ between `expected` and `committed`, in path order; empty when up to date. */
export function docsDrift(
  expected: ReadonlyMap<string, string>,
  committed: ReadonlyMap<string, string>,
): DocsDrift[] {
  const drift: DocsDrift[] = [];
  for (const [file, content] of expected) {
    const current = committed.get(file);
    if (current !== content) drift.push({ file, kind: current === undefined ? 'missing' : 'stale' });
  }
  for (const file of committed.keys()) {
    if (!expected.has(file)) drift.push({ file, kind: 'extra' });
  }
  return drift.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
