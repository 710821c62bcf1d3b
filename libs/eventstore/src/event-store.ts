import { randomUUID } from 'node:crypto';
import { eventDefinition, validateEventData, type EventEnvelope, type TandemEvent } from '@tandem/events';
import type { Db } from 'mongodb';
import { CommitWriter } from './commit-writer';
import { ConcurrencyError, InvalidEventError } from './errors';
import {
  commitId,
  ensureEventStoreIndexes,
  eventStoreCollections,
  streamRange,
  type CommitDocument,
  type EventStoreCollections,
} from './storage';
import { appendedEnvelopeOf, envelopeOf, storedEventOf } from './stored-event';

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

export interface StreamAppend {
  readonly tenantId: string;
  readonly streamId: string;
  /** 0 for a new stream; otherwise a version the stream was read at. */
  readonly expectedVersion: number;
  readonly events: readonly TandemEvent[];
  readonly context?: AppendContext;
}

export type AppendOutcome =
  | { readonly ok: true; readonly events: EventEnvelope[] }
  | { readonly ok: false; readonly error: ConcurrencyError | InvalidEventError };

export interface StreamRead {
  /** The stream's version: the streamVersion of its last event, 0 when it has none. */
  readonly version: number;
  readonly events: EventEnvelope[];
}

/** Event store on MongoDB: streams with optimistic concurrency; its commits are the outbox. */
export class EventStore {
  readonly collections: EventStoreCollections;
  private readonly writer: CommitWriter;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly appendListeners = new Set<() => void>();

  constructor(
    db: Db,
    private readonly options: EventStoreOptions,
  ) {
    this.collections = eventStoreCollections(db);
    this.writer = new CommitWriter(this.collections.commits);
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
  }

  ensureIndexes(): Promise<void> {
    return ensureEventStoreIndexes(this.collections);
  }

  /**
   * Appends events after `expectedVersion` (0 for a new stream; otherwise a version the stream was
   * read at), all or nothing, in one insert. Throws InvalidEventError (nothing written) for data
   * that fails its schema and ConcurrencyError when another append already took that version.
   */
  async append(
    tenantId: string,
    streamId: string,
    expectedVersion: number,
    events: readonly TandemEvent[],
    context: AppendContext = {},
  ): Promise<EventEnvelope[]> {
    const [outcome] = await this.appendMany([{ tenantId, streamId, expectedVersion, events, context }]);
    if (!outcome) return [];
    if (!outcome.ok) throw outcome.error;
    return outcome.events;
  }

  /**
   * Several appends (to different streams, e.g. one per imported row), written together. Each is
   * all or nothing on its own and gets its own outcome, in the order given; one failing append
   * does not stop the others.
   */
  async appendMany(appends: readonly StreamAppend[]): Promise<AppendOutcome[]> {
    const outcomes: AppendOutcome[] = [];
    const commits: { commit: CommitDocument; at: number }[] = [];
    for (const [at, request] of appends.entries()) {
      const built = this.commitOf(request);
      if ('error' in built) outcomes[at] = { ok: false, error: built.error };
      else if (!built.commit) outcomes[at] = { ok: true, events: [] };
      else commits.push({ commit: built.commit, at });
    }
    const written = await Promise.all(commits.map(({ commit }) => this.writer.insert(commit)));
    for (const [i, { commit, at }] of commits.entries()) {
      outcomes[at] =
        written[i] === 'duplicate'
          ? {
              ok: false,
              error: new ConcurrencyError(
                commit.streamId,
                commit.fromVersion - 1,
                await this.versionOf(commit.tenantId, commit.streamId),
              ),
            }
          : { ok: true, events: commit.events.map((event) => appendedEnvelopeOf(commit, event)) };
    }
    if (written.includes('inserted')) this.appendListeners.forEach((listener) => listener());
    return outcomes;
  }

  /** The stream's events in order (one indexed query), upcast to the newest versions, and its version. */
  async readStream(tenantId: string, streamId: string): Promise<StreamRead> {
    if (!tenantId) throw new Error('readStream needs a tenant id');
    const commits = await this.collections.commits
      .find(streamRange(tenantId, streamId))
      .sort({ fromVersion: 1 })
      .toArray();
    const events = commits.flatMap((commit) => commit.events.map((event) => envelopeOf(commit, event)));
    return { version: commits.at(-1)?.toVersion ?? 0, events };
  }

  /** Lets an in-process relay react to an append at once instead of waiting for its next poll. */
  onAppend(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  /** The commit an append writes, or why it cannot be written (nothing to append: no commit). */
  private commitOf(request: StreamAppend): { commit?: CommitDocument } | { error: InvalidEventError } {
    const { tenantId, streamId, expectedVersion, events } = request;
    if (!tenantId) throw new Error('append needs a tenant id');
    if (events.length === 0) return {};
    for (const event of events) {
      const valid = validateEventData(event.type, event.data);
      if (!valid.ok)
        return { error: new InvalidEventError(event.type, valid.error.issues, valid.error.message) };
    }
    const context = { ...this.options.defaultContext?.(), ...request.context };
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
    return {
      commit: {
        _id: commitId(tenantId, streamId, expectedVersion + 1),
        tenantId,
        streamId,
        fromVersion: expectedVersion + 1,
        toVersion: expectedVersion + events.length,
        source: this.options.source,
        events: stored,
        appendedAt: time,
        published: false,
      },
    };
  }

  private async versionOf(tenantId: string, streamId: string): Promise<number> {
    const last = await this.collections.commits
      .find(streamRange(tenantId, streamId), { projection: { toVersion: 1 } })
      .sort({ fromVersion: -1 })
      .limit(1)
      .next();
    return last?.toVersion ?? 0;
  }
}
