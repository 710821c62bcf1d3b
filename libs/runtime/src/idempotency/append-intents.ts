import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import {
  EventStore,
  type AppendOutcome,
  type CommitDocument,
  type EventStoreOptions,
  type StreamAppend,
} from '@tandem/eventstore';
import type { Collection, Db } from 'mongodb';
import type { AppendIntent, IdempotencyRecords } from './idempotency-records';

/** An attempt lost its key to a takeover (it ran past its lease): it must not append anything more. */
export class IdempotencyClaimLostError extends Error {
  constructor() {
    super('this request lost its Idempotency-Key claim to a retry; its appends were refused');
    this.name = 'IdempotencyClaimLostError';
  }
}

/** Event ids of an attempt: a UUID (version 8, "custom") derived from its token, so its commits can be recognised. */
export function eventIdOf(token: string, n: number): string {
  const hex = createHash('sha256').update(`${token}/${n}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * One run of a request that holds an Idempotency-Key. Before each append it records an intent on
 * the key's record (fenced by its token), and the events it appends get ids derived from that
 * token: whatever happens to the process afterwards, the record says where to look and what to look for.
 */
export class AppendAttempt {
  private announced = 0;
  private issued = 0;
  private intents = 0;
  private active = true;

  constructor(
    readonly recordId: string,
    readonly token: string,
    private readonly records: IdempotencyRecords,
  ) {}

  get recordedAppends(): boolean {
    return this.intents > 0;
  }

  get isActive(): boolean {
    return this.active;
  }

  nextEventId(): string {
    return eventIdOf(this.token, this.issued++);
  }

  async beforeAppend(appends: readonly StreamAppend[]): Promise<void> {
    const events = appends.reduce((sum, append) => sum + append.events.length, 0);
    if (events === 0) return;
    // Ids are issued in the order appends run, which concurrent appends may change: every intent's
    // bound covers all events announced so far, and the check uses the highest bound.
    this.announced += events;
    const byTenant = new Map<string, Set<string>>();
    for (const { tenantId, streamId } of appends)
      byTenant.set(tenantId, (byTenant.get(tenantId) ?? new Set()).add(streamId));
    for (const [tenantId, streams] of byTenant) {
      const intent: AppendIntent = {
        token: this.token,
        tenantId,
        streamIds: [...streams],
        eventIdsBelow: this.announced,
      };
      if (!(await this.records.recordIntent(this.recordId, intent))) throw new IdempotencyClaimLostError();
    }
    this.intents++;
  }

  /** The response is out: later appends in this async context (background work it started) are not the request's. */
  finish(): void {
    this.active = false;
  }
}

const attempts = new AsyncLocalStorage<AppendAttempt>();

export const runInAttempt = <T>(attempt: AppendAttempt, work: () => T): T => attempts.run(attempt, work);

const activeAttempt = (): AppendAttempt | undefined => {
  const attempt = attempts.getStore();
  return attempt?.isActive ? attempt : undefined;
};

/** The service's event store: outside a keyed request exactly EventStore; inside one, it records intents first. */
export class IntentRecordingEventStore extends EventStore {
  constructor(db: Db, options: EventStoreOptions) {
    super(db, { ...options, newId: () => activeAttempt()?.nextEventId() ?? randomUUID() });
  }

  override async appendMany(appends: readonly StreamAppend[]): Promise<AppendOutcome[]> {
    await activeAttempt()?.beforeAppend(appends);
    return super.appendMany(appends);
  }
}

/** The streams that the recorded attempts really appended to (a commit holding one of their event ids). */
export async function streamsWrittenBy(
  commits: Collection<CommitDocument>,
  intents: readonly AppendIntent[],
): Promise<string[]> {
  if (intents.length === 0) return [];
  const bounds = new Map<string, number>();
  for (const { token, eventIdsBelow } of intents)
    bounds.set(token, Math.max(bounds.get(token) ?? 0, eventIdsBelow));
  const eventIds = [...bounds].flatMap(([token, below]) =>
    Array.from({ length: below }, (_, n) => eventIdOf(token, n)),
  );
  const written = await commits
    .find(
      {
        $or: intents.map(({ tenantId, streamIds }) => ({ tenantId, streamId: { $in: [...streamIds] } })),
        'events.id': { $in: eventIds },
      },
      { projection: { streamId: 1 } },
    )
    .toArray();
  return [...new Set(written.map((commit) => commit.streamId))].sort();
}
