import type { EventDefinition } from '../define-event';
import { eventCatalogue } from '../registry';
import { readGeneratedFiles, removeGeneratedFile, writeGeneratedFile } from './docs-files';
import { docsDrift, expectedEventDocs } from './event-docs';

export type WriteDocsResult =
  | {
      readonly ok: true;
      readonly written: string[];
      readonly removed: string[];
      readonly locked: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * What `npm run events:docs` runs: brings the JSON Schemas, the AsyncAPI document and the schema
 * lock under `libRoot` (libs/events) up to date. Writes nothing when a published version changed.
 */
export function writeEventDocs(
  libRoot: string,
  catalogue: readonly EventDefinition[] = eventCatalogue,
): WriteDocsResult {
  const committed = readGeneratedFiles(libRoot);
  const expected = expectedEventDocs(committed, catalogue);
  if (!expected.ok) return expected;
  const written: string[] = [];
  const removed: string[] = [];
  for (const { file } of docsDrift(expected.files, committed)) {
    const content = expected.files.get(file);
    if (content === undefined) {
      removeGeneratedFile(libRoot, file);
      removed.push(file);
    } else {
      writeGeneratedFile(libRoot, file, content);
      written.push(file);
    }
  }
  return { ok: true, written, removed, locked: expected.locked };
}
