import type { Collection, Db } from 'mongodb';

/** One event as stored inside its commit. */
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

/**
 * One document per append ("commit"), so a multi-event append is one atomic insert without
 * transactions. The unique index on (tenantId, streamId, versions) — `versions` lists every stream
 * version the commit holds — lets exactly one append take each version, including a version inside
 * another commit.
 */
export interface CommitDocument {
  /** `<tenant>/<stream>/<fromVersion>`. */
  readonly _id: string;
  readonly tenantId: string;
  readonly streamId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly versions: readonly number[];
  readonly source: string;
  readonly events: readonly StoredEvent[];
  readonly appendedAt: Date;
  /** False until Kafka acknowledged the commit's events (the outbox flag). */
  published: boolean;
}

/** The relay's lease: one document per name, taken and renewed by compare-and-set. */
export interface LeaseDocument {
  readonly _id: string;
  owner: string;
  /** Bumped on every takeover: the fencing token. */
  term: number;
  expiresAt: Date;
}

export interface EventStoreCollections {
  readonly commits: Collection<CommitDocument>;
  readonly leases: Collection<LeaseDocument>;
}

export function eventStoreCollections(db: Db): EventStoreCollections {
  return {
    commits: db.collection<CommitDocument>('events'),
    leases: db.collection<LeaseDocument>('leases'),
  };
}

export const commitId = (tenantId: string, streamId: string, fromVersion: number) =>
  `${tenantId}/${streamId}/${fromVersion}`;

/** Indexes of earlier layouts, dropped where found: each one costs every append a write. */
const retiredIndexes = ['stream_order', 'outbox'];

export async function ensureEventStoreIndexes({ commits }: EventStoreCollections): Promise<void> {
  const existing = await commits
    .listIndexes()
    .toArray()
    .catch(() => []);
  for (const { name } of existing)
    if (retiredIndexes.includes(name)) await commits.dropIndex(name).catch(() => undefined);
  await commits.createIndexes([
    // Also serves stream reads: a stream's commits by (tenantId, streamId), sorted in memory.
    { key: { tenantId: 1, streamId: 1, versions: 1 }, name: 'stream_versions_unique', unique: true },
    // The relay's outbox query, each stream's commits in version order. Partial: a commit leaves
    // it when marked published, so it stays as small as the backlog.
    {
      key: { tenantId: 1, streamId: 1, fromVersion: 1 },
      name: 'outbox_unpublished',
      partialFilterExpression: { published: false },
    },
  ]);
}

export const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
