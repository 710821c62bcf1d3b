import { randomUUID } from 'node:crypto';
import { eventDefinition, validateEventData, type EventEnvelope, type TandemEvent } from '@tandem/events';
import type { Db } from 'mongodb';
import { ConcurrencyError, InvalidEventError } from './errors';
import {
  commitKeys,
  ensureEventStoreIndexes,
  eventStoreCollections,
  isDuplicateKey,
  type CommitDocument,
  type EventStoreCollections,
} from './storage';
import { envelopeOf, storedEventOf } from './stored-event';

export interface EventStoreOptions {
  /** CloudEvents `source` of everything this store appends, e.g. `/tandem/matching`. */
  readonly source: string;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** Context for appends that name none, e.g. the trace of the request in hand. */
  readonly defaultContext?: () => AppendContext;
}

export interface AppendContext {
  readonly traceparent?: string;
  readonly subject?: string;
}

export interface StreamRead {
  /** The stream's version: the streamVersion of its last event, 0 when it has none. */
  readonly version: number;
  readonly events: EventEnvelope[];
}

export interface PositionedEvent {
  readonly position: number;
  readonly event: EventEnvelope;
}

/** Event store on MongoDB: streams with optimistic concurrency, and a globally ordered log. */
export class EventStore {
  readonly collections: EventStoreCollections;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly appendListeners = new Set<() => void>();

  constructor(
    db: Db,
    private readonly options: EventStoreOptions,
  ) {
    this.collections = eventStoreCollections(db);
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
  }

  ensureIndexes(): Promise<void> {
    return ensureEventStoreIndexes(this.collections);
  }

  /**
   * Appends events after `expectedVersion` (0 for a new stream), all or nothing. Throws
   * InvalidEventError (nothing written) for data that fails its schema and ConcurrencyError when
   * the stream has moved on or another append at the same version won.
   */
  async append(
    tenantId: string,
    streamId: string,
    expectedVersion: number,
    events: readonly TandemEvent[],
    context: AppendContext = {},
  ): Promise<EventEnvelope[]> {
    if (!tenantId) throw new Error('append needs a tenant id');
    if (events.length === 0) return [];
    context = { ...this.options.defaultContext?.(), ...context };
    for (const event of events) {
      const valid = validateEventData(event.type, event.data);
      if (!valid.ok) throw new InvalidEventError(event.type, valid.error.issues, valid.error.message);
    }
    // Appending after version n needs n to be where a commit ends (a version read from the stream);
    // the unique start key then lets only one append follow it. Together they refuse stale
    // versions, including ones inside a commit.
    if (expectedVersion > 0 && !(await this.isCommitBoundary(tenantId, streamId, expectedVersion))) {
      throw new ConcurrencyError(streamId, expectedVersion, (await this.walk(tenantId, streamId)).version);
    }

    const time = this.now();
    const stored = events.map((event, i) =>
      storedEventOf(event, {
        id: this.newId(),
        version: eventDefinition(event.type)?.version ?? 1,
        time: time.toISOString(),
        streamVersion: expectedVersion + i + 1,
        ...context,
      }),
    );
    const toVersion = expectedVersion + events.length;
    const commit: CommitDocument = {
      _id: commitKeys.start(tenantId, streamId, expectedVersion + 1),
      endKey: commitKeys.end(tenantId, streamId, toVersion),
      streamKey: commitKeys.stream(tenantId, streamId),
      tenantId,
      streamId,
      fromVersion: expectedVersion + 1,
      toVersion,
      source: this.options.source,
      events: stored,
      appendedAt: time,
      sequenced: false,
      position: null,
      lastPosition: null,
    };
    try {
      await this.collections.commits.insertOne(commit);
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConcurrencyError(streamId, expectedVersion, undefined);
      throw error;
    }
    this.rememberBoundary(tenantId, streamId, toVersion);
    this.appendListeners.forEach((listener) => listener());
    return stored.map((event) => envelopeOf(commit, event));
  }

  async readStream(tenantId: string, streamId: string): Promise<StreamRead> {
    if (!tenantId) throw new Error('readStream needs a tenant id');
    const { commits, version } = await this.walk(tenantId, streamId);
    const events = commits.flatMap((commit) => commit.events.map((event) => envelopeOf(commit, event)));
    return { version, events };
  }

  /** Events in global order from `fromPosition` (inclusive); only sequenced events have a position. */
  async readAll(fromPosition: number, limit = 500): Promise<PositionedEvent[]> {
    const commits = await this.collections.commits
      .find({ lastPosition: { $gte: fromPosition } })
      .sort({ position: 1 })
      .limit(limit)
      .toArray();
    const events: PositionedEvent[] = [];
    for (const commit of commits) {
      commit.events.forEach((event, i) => {
        const position = (commit.position as number) + i;
        if (position >= fromPosition) events.push({ position, event: envelopeOf(commit, event) });
      });
    }
    return events.slice(0, limit);
  }

  /** Lets an in-process relay react to an append at once instead of waiting for its next poll. */
  onAppend(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  /** The stream's commits in order: its first commit by _id, then each next one by its start. */
  private async walk(tenantId: string, streamId: string): Promise<{ commits: CommitDocument[]; version: number }> {
    const commits: CommitDocument[] = [];
    let version = 0;
    for (;;) {
      const next = await this.collections.commits.findOne({ _id: commitKeys.start(tenantId, streamId, version + 1) });
      if (!next) break;
      commits.push(next);
      version = next.toVersion;
    }
    this.rememberBoundary(tenantId, streamId, version);
    return { commits, version };
  }

  // A version that once ended a commit always will (commits are immutable), so the last one seen
  // per stream can vouch for an append without reading the stream again.
  private readonly knownBoundaries = new Map<string, number>();

  private rememberBoundary(tenantId: string, streamId: string, version: number): void {
    const key = commitKeys.stream(tenantId, streamId);
    this.knownBoundaries.delete(key);
    this.knownBoundaries.set(key, version);
    if (this.knownBoundaries.size > 10_000) this.knownBoundaries.delete(this.knownBoundaries.keys().next().value as string);
  }

  private async isCommitBoundary(tenantId: string, streamId: string, version: number): Promise<boolean> {
    if (this.knownBoundaries.get(commitKeys.stream(tenantId, streamId)) === version) return true;
    const { commits } = await this.walk(tenantId, streamId);
    return commits.some((commit) => commit.toVersion === version);
  }
}
