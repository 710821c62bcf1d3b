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
 * transactions. Its `_id` names the stream and the version it starts at, and `_id` is unique: of
 * two appends at the same expected version exactly one is stored. That suffices because an append
 * always starts right after a version the stream was read at, which is the end of a commit, so
 * two appends that overlap start at the same version.
 */
export interface CommitDocument {
  /** `<tenant>/<stream>/<fromVersion>`: the version guard. */
  readonly _id: string;
  readonly tenantId: string;
  readonly streamId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
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

/** Indexes of earlier layouts, dropped where found: each one cost every append a write. */
const retiredIndexes = ['stream_order', 'outbox', 'stream_versions_unique'];

/** A stream's commits are the `_id`s `<tenant>/<stream>/<digits>`: one range of the `_id` index. */
export function streamRange(tenantId: string, streamId: string) {
  const prefix = `${tenantId}/${streamId}/`;
  // Digits sort below ':', so this range holds exactly the ids with a version after the prefix.
  return { _id: { $gt: prefix, $lt: `${prefix}:` }, tenantId, streamId };
}

export async function ensureEventStoreIndexes({ commits }: EventStoreCollections): Promise<void> {
  const existing = await commits
    .listIndexes()
    .toArray()
    .catch(() => []);
  for (const { name } of existing)
    if (retiredIndexes.includes(name)) await commits.dropIndex(name).catch(() => undefined);
  // The relay's outbox query, each stream's commits in version order. Partial: a commit leaves it
  // when marked published, so it stays as small as the backlog. (Stream reads use `_id`.)
  await commits.createIndex(
    { tenantId: 1, streamId: 1, fromVersion: 1 },
    { name: 'outbox_unpublished', partialFilterExpression: { published: false } },
  );
}

export const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
