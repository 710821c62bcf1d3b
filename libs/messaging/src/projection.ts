import type { EventEnvelope } from '@tandem/events';
import type { Collection, Document } from 'mongodb';

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
const appliedKey = (event: EventEnvelope) =>
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
    if (await write(collection, next, current ? _revision : undefined)) return 'applied';
  }
  throw new Error(`applyOnce: document ${documentId} kept changing under ${maxAttempts} attempts`);
}

async function write<State extends Document>(
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
