import type { Collection, Db } from 'mongodb';

/**
 * One document per append ("commit"): its events are written atomically without transactions,
 * and the unique (tenantId, streamId, fromVersion) index lets exactly one append follow a version.
 */
export interface StoredEvent {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
  readonly time: string;
  readonly streamVersion: number;
  readonly subject?: string;
  readonly traceparent?: string;
}

export interface CommitDocument {
  /** The id of the commit's first event. */
  readonly _id: string;
  readonly tenantId: string;
  readonly streamId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly source: string;
  readonly events: readonly StoredEvent[];
  readonly appendedAt: Date;
  /** Global position of the first event; null until the sequencer orders the commit. */
  position: number | null;
  lastPosition: number | null;
  /** When the relay had Kafka acknowledge the events; null while they wait in the outbox. */
  publishedAt: Date | null;
}

/** The sequencer's ledger: the unique _id makes every global position taken exactly once. */
export interface PositionDocument {
  readonly _id: number;
  readonly commitId: string;
  readonly count: number;
}

/** One term of a lease: `_id` is `<name>#<term>`, so each term can be taken only once. */
export interface LeaseDocument {
  readonly _id: string;
  readonly name: string;
  readonly term: number;
  readonly owner: string;
  expiresAt: Date;
}

export interface EventStoreCollections {
  readonly commits: Collection<CommitDocument>;
  readonly positions: Collection<PositionDocument>;
  readonly leases: Collection<LeaseDocument>;
}

export function eventStoreCollections(db: Db): EventStoreCollections {
  return {
    commits: db.collection<CommitDocument>('events'),
    positions: db.collection<PositionDocument>('event_positions'),
    leases: db.collection<LeaseDocument>('leases'),
  };
}

export async function ensureEventStoreIndexes({ commits, leases }: EventStoreCollections): Promise<void> {
  await leases.createIndex({ name: 1, term: -1 }, { name: 'lease_terms' });
  await commits.createIndex({ tenantId: 1, streamId: 1, fromVersion: 1 }, { unique: true, name: 'stream_version_unique' });
  await commits.createIndex({ tenantId: 1, streamId: 1, toVersion: 1 }, { name: 'stream_to_version' });
  await commits.createIndex({ position: 1 }, { name: 'position' });
  await commits.createIndex({ lastPosition: 1 }, { name: 'last_position' });
  await commits.createIndex({ publishedAt: 1, position: 1 }, { name: 'outbox' });
}

export const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
