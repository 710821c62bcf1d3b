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
    // Appending after version n needs a commit ending at n; the unique index then lets only one
    // append follow it. Together they refuse stale versions, including ones inside a commit.
    if (expectedVersion > 0 && !(await this.hasCommitEndingAt(tenantId, streamId, expectedVersion))) {
      throw new ConcurrencyError(streamId, expectedVersion, await this.streamVersion(tenantId, streamId));
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
      _id: commitKeys.end(tenantId, streamId, toVersion),
      startKey: commitKeys.start(tenantId, streamId, expectedVersion + 1),
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
    this.appendListeners.forEach((listener) => listener());
    return stored.map((event) => envelopeOf(commit, event));
  }

  async readStream(tenantId: string, streamId: string): Promise<StreamRead> {
    if (!tenantId) throw new Error('readStream needs a tenant id');
    const commits = await this.collections.commits.find({ streamKey: commitKeys.stream(tenantId, streamId) }).toArray();
    commits.sort((a, b) => a.fromVersion - b.fromVersion);
    const events = commits.flatMap((commit) => commit.events.map((event) => envelopeOf(commit, event)));
    return { version: commits.at(-1)?.toVersion ?? 0, events };
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

  private async hasCommitEndingAt(tenantId: string, streamId: string, version: number): Promise<boolean> {
    const found = await this.collections.commits.findOne({ _id: commitKeys.end(tenantId, streamId, version) }, { projection: { _id: 1 } });
    return found !== null;
  }

  private async streamVersion(tenantId: string, streamId: string): Promise<number> {
    const commits = await this.collections.commits
      .find({ streamKey: commitKeys.stream(tenantId, streamId) }, { projection: { toVersion: 1 } })
      .toArray();
    return Math.max(0, ...commits.map((c) => c.toVersion));
  }
}
