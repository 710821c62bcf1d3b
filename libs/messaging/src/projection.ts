import type { EventEnvelope } from '@tandem/events';
import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection, type Document } from 'mongodb';

/** A read model document as stored: the projection's state plus what it has applied. */
export type ProjectedDocument<State> = State & {
  _id: string;
  /** Highest applied stream version per `tenant/stream` key: the idempotency guard. */
  _applied: Record<string, number>;
  /** Bumped on every write: optimistic concurrency between concurrent appliers. */
  _revision: number;
};

/** Pure: the next state of a read model document given one event (undefined state = new document). */
export type Evolve<State> = (state: State | undefined, event: EventEnvelope) => State;

export type ApplyOutcome = 'applied' | 'already-applied';

// MongoDB field names may not contain '.' or start with '$'.
export const appliedKey = (event: EventEnvelope) =>
  encodeURIComponent(`${event.metadata.tenantId}/${event.metadata.streamId}`).replace(/\./g, '%2E');

/**
 * Applies `event` to one read-model document unless that stream version was applied already, in
 * a single-document write guarded by the document's revision (an atomic compare-and-set; no
 * transactions, no locks). Redelivery and replays change nothing; concurrent appliers retry on the
 * fresh document.
 */
export async function applyOnce<State extends Document>(
  collection: Collection<ProjectedDocument<State>>,
  documentId: string,
  event: EventEnvelope,
  evolve: Evolve<State>,
  maxAttempts = 20,
): Promise<ApplyOutcome> {
  const key = appliedKey(event);
  const version = event.metadata.streamVersion;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const current = (await collection.findOne({
      _id: documentId,
    } as never)) as ProjectedDocument<State> | null;
    if ((current?._applied[key] ?? 0) >= version) return 'already-applied';
    const { _id, _applied, _revision, ...state } = current ?? { _id: documentId, _applied: {}, _revision: 0 };
    const next = {
      ...evolve(current ? (state as unknown as State) : undefined, event),
      _id: documentId,
      _applied: { ..._applied, [key]: version },
      _revision: _revision + 1,
    } as ProjectedDocument<State>;
    if (await writeGuarded(collection, next, current ? _revision : undefined)) return 'applied';
  }
  throw new Error(`applyOnce: document ${documentId} kept changing under ${maxAttempts} attempts`);
}

/**
 * `applyOnce` for many events at once (a consumer's batch, an import chunk): one read of every
 * document named and one unordered bulk write, with the same guards (applied version per stream,
 * revision compare-and-set). Events for one document are folded in the order given. Outcomes are
 * in that order too. If any write lost its race, the items go through `applyOnce`, which skips
 * what was applied.
 */
export async function applyOnceMany<State extends Document>(
  collection: Collection<ProjectedDocument<State>>,
  items: readonly { readonly documentId: string; readonly event: EventEnvelope }[],
  evolve: Evolve<State>,
): Promise<ApplyOutcome[]> {
  const ids = [...new Set(items.map((item) => item.documentId))];
  const found = await collection.find({ _id: { $in: ids } } as never).toArray();
  const stored = new Map(found.map((doc) => [doc._id as string, doc as ProjectedDocument<State>]));
  const next = new Map<string, ProjectedDocument<State>>();
  const outcomes: ApplyOutcome[] = [];
  for (const [at, { documentId, event }] of items.entries()) {
    const doc = next.get(documentId) ?? stored.get(documentId);
    const key = appliedKey(event);
    if ((doc?._applied[key] ?? 0) >= event.metadata.streamVersion) {
      outcomes[at] = 'already-applied';
      continue;
    }
    const { _id, _applied, _revision, ...state } = doc ?? { _id: documentId, _applied: {}, _revision: 0 };
    next.set(documentId, {
      ...evolve(doc ? (state as unknown as State) : undefined, event),
      _id: documentId,
      _applied: { ..._applied, [key]: event.metadata.streamVersion },
      _revision: _revision + 1,
    } as ProjectedDocument<State>);
    outcomes[at] = 'applied';
  }
  if (next.size === 0) return outcomes;
  const writes = [...next.values()].map((document): AnyBulkWriteOperation<ProjectedDocument<State>> => {
    const before = stored.get(document._id);
    return before
      ? {
          replaceOne: {
            filter: { _id: document._id, _revision: before._revision } as never,
            replacement: document as never,
          },
        }
      : { insertOne: { document: document as never } };
  });
  let written = 0;
  try {
    const result = await collection.bulkWrite(writes, { ordered: false });
    written = result.insertedCount + result.matchedCount;
  } catch (error) {
    const writeErrors = error instanceof MongoBulkWriteError ? [error.writeErrors].flat() : [];
    if (writeErrors.length === 0 || writeErrors.some((e) => e.code !== 11000)) throw error;
  }
  if (written < writes.length) {
    // Which writes lost is not reported per operation: apply every item again, one by one; what
    // this call's bulk write did apply is skipped (and then reads 'already-applied').
    for (const [at, { documentId, event }] of items.entries()) {
      if (outcomes[at] === 'applied') outcomes[at] = await applyOnce(collection, documentId, event, evolve);
    }
  }
  return outcomes;
}

/** Inserts a new document (expectedRevision undefined) or replaces the one at that revision; false when another write won. */
export async function writeGuarded<State extends Document>(
  collection: Collection<ProjectedDocument<State>>,
  next: ProjectedDocument<State>,
  expectedRevision: number | undefined,
): Promise<boolean> {
  if (expectedRevision === undefined) {
    try {
      await collection.insertOne(next as never);
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === 11000) return false;
      throw error;
    }
  }
  const result = await collection.replaceOne(
    { _id: next._id, _revision: expectedRevision } as never,
    next as never,
  );
  return result.matchedCount === 1;
}
