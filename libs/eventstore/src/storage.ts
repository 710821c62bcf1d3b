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
  /**
   * `<tenant>/<fromVersion>/<stream>`: unique, so exactly one append can follow a version; and a
   * stream is read by walking these ids (1, then each commit's toVersion + 1), _id lookups being
   * the one query FerretDB answers without scanning the collection (MongoDB answers all by index).
   */
  readonly _id: string;
  /** `<tenant>/<toVersion>/<stream>`, unique: no two commits end at the same version. */
  readonly endKey: string;
  /** `<tenant>/<stream>`: reads a whole stream. */
  readonly streamKey: string;
  readonly tenantId: string;
  readonly streamId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly source: string;
  readonly events: readonly StoredEvent[];
  readonly appendedAt: Date;
  /** Whether the sequencer has given this commit its global positions. */
  sequenced: boolean;
  /** Global position of the first event; null until the sequencer orders the commit. */
  position: number | null;
  lastPosition: number | null;
}

/**
 * How far the relay has published, per service: everything at or below `position` was
 * acknowledged by Kafka. One small write per batch instead of a mark on every commit.
 */
export interface OutboxCheckpointDocument {
  readonly _id: string;
  position: number;
  publishedAt: Date;
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
  readonly checkpoints: Collection<OutboxCheckpointDocument>;
}

export function eventStoreCollections(db: Db): EventStoreCollections {
  return {
    commits: db.collection<CommitDocument>('events'),
    positions: db.collection<PositionDocument>('event_positions'),
    leases: db.collection<LeaseDocument>('leases'),
    checkpoints: db.collection<OutboxCheckpointDocument>('outbox_checkpoints'),
  };
}

export const commitKeys = {
  start: (tenantId: string, streamId: string, fromVersion: number) => `${tenantId}/${fromVersion}/${streamId}`,
  end: (tenantId: string, streamId: string, toVersion: number) => `${tenantId}/${toVersion}/${streamId}`,
  stream: (tenantId: string, streamId: string) => `${tenantId}/${streamId}`,
};

export async function ensureEventStoreIndexes({ commits, leases }: EventStoreCollections): Promise<void> {
  await leases.createIndex({ name: 1, term: -1 }, { name: 'lease_terms' });
  await commits.createIndex({ endKey: 1 }, { unique: true, name: 'stream_end_unique' });
  await commits.createIndex({ streamKey: 1 }, { name: 'stream' });
  await commits.createIndex({ sequenced: 1, appendedAt: 1 }, { name: 'unsequenced' });
  await commits.createIndex({ lastPosition: 1 }, { name: 'last_position' });
}

export const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
