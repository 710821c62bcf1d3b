import type { Collection, Document } from 'mongodb';

/**
 * Writes an aggregate's folded state (at stream `version`) into its read-model document unless the
 * document already holds that version or a newer one. Because every version includes all earlier
 * events, applying snapshots in any order, twice, or concurrently converges on the newest one —
 * unlike applying single events, where skipping one loses it. Fields the snapshot does not name
 * (e.g. free text kept out of events) are preserved.
 */
export async function saveSnapshotIfNewer(
  collection: Collection<Document>,
  documentId: string,
  version: number,
  fields: Document,
  maxAttempts = 20,
): Promise<'saved' | 'stale'> {
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const current = await collection.findOne({ _id: documentId } as never);
    const currentVersion = typeof current?.['version'] === 'number' ? (current['version'] as number) : 0;
    if (current && currentVersion >= version) return 'stale';
    const next = { ...(current ?? {}), ...fields, _id: documentId, version };
    if (!current) {
      try {
        await collection.insertOne(next as never);
        return 'saved';
      } catch (error) {
        if ((error as { code?: unknown }).code === 11000) continue;
        throw error;
      }
    }
    const result = await collection.replaceOne({ _id: documentId, version: currentVersion } as never, next);
    if (result.matchedCount === 1) return 'saved';
  }
  throw new Error(`saveSnapshotIfNewer: document ${documentId} kept changing under ${maxAttempts} attempts`);
}
