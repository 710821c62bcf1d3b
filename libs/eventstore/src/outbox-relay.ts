import { randomUUID } from 'node:crypto';
import { rawToKafkaRecord, topicOfType, type TandemEventType } from '@tandem/events';
import type { OutgoingRecord } from '@tandem/messaging';
import type { EventStore } from './event-store';
import { Lease } from './lease';
import type { CommitDocument } from './storage';
import { ChangeStreamFeed, PollingFeed, type OutboxFeed } from './outbox-feed';
import { publishInTraces, type TracedRecord } from './outbox-tracing';
import { rawEventOf } from './stored-event';

/** What the relay needs from a Kafka publisher (TransactionalPublisher in production). */
export interface RelayPublisher {
  connect(): Promise<void>;
  publish(records: readonly OutgoingRecord[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface OutboxRelayOptions {
  /** Names the lease: one active relay per service. */
  readonly service: string;
  readonly owner?: string;
  readonly leaseTtlMs?: number;
  readonly pollIntervalMs?: number;
  /** Longest pause between polls while idle (other processes' appends wait at most this long). */
  readonly idlePollMaxMs?: number;
  /** Commits per Kafka transaction; default 1000. */
  readonly batchSize?: number;
  /** `auto` (default): a change stream where the server has them, else polling. */
  readonly feed?: 'auto' | 'polling';
  readonly maxBackoffMs?: number;
  /** Topic of an event type; default `tandem.<context>.events`. Tests give each run its own topics. */
  readonly topicFor?: (type: TandemEventType) => string;
  readonly onError?: (error: Error) => void;
  /** Fault injection for tests: runs after Kafka acknowledged a batch, before it is marked published. */
  readonly afterPublish?: (commits: readonly CommitDocument[]) => Promise<void>;
  /** Fault injection for tests: runs after the lease check, before the batch is sent. */
  readonly beforePublish?: (commits: readonly CommitDocument[]) => Promise<void>;
}

export interface RelayRound {
  readonly leader: boolean;
  readonly published: number;
}

export interface RelayStats {
  readonly leader: boolean;
  readonly fencingToken: number | undefined;
  /** Events appended but not yet acknowledged by Kafka: the outbox backlog. */
  readonly backlog: number;
  readonly publishedEvents: number;
  readonly lastError: string | undefined;
}

/**
 * Moves events from the store's outbox to Kafka: takes a batch of unpublished commits from its feed
 * (a change stream after a catch-up scan, or indexed polling; each stream's commits in version
 * order), publishes it in one Kafka transaction, then marks it published in one update. A crash between the two re-publishes the batch later
 * (consumers are idempotent); Kafka outages are waited out with backoff. No global order is kept:
 * consumers need only each stream's order, which Kafka keeps per key.
 */
export class OutboxRelay {
  private readonly lease: Lease;
  private publisher: RelayPublisher | undefined;
  private feed: OutboxFeed | undefined;
  /** The feed's next batch, taken while the current one is published (feeds that never repeat one). */
  private prefetched: Promise<CommitDocument[]> | undefined;
  private marking: Promise<void> = Promise.resolve();
  private running = false;
  private halted = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;
  private publishedEvents = 0;
  private lastError: Error | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly newPublisher: () => RelayPublisher,
    private readonly options: OutboxRelayOptions,
  ) {
    const { leases } = store.collections;
    this.lease = new Lease(
      leases,
      `outbox-relay:${options.service}`,
      options.owner ?? randomUUID(),
      options.leaseTtlMs ?? 10_000,
    );
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.store.onAppend(() => this.wake?.());
    this.loop = this.runLoop();
  }

  /** Stops after the current round, gives up the lease and disconnects. */
  async stop(): Promise<void> {
    await this.halt();
    await this.lease.release().catch(() => undefined);
  }

  /** Stops like a crashed process would: no lease release, nothing marked. For fault-injection tests. */
  async crash(): Promise<void> {
    await this.halt();
  }

  /** One round: hold the lease, take a batch from the feed, publish it, mark it. */
  async runOnce(overlapMarking = false): Promise<RelayRound> {
    if (!(await this.lease.acquireOrRenew())) {
      await this.dropPublisher();
      return { leader: false, published: 0 };
    }
    try {
      return await this.publishBatch(overlapMarking);
    } catch (error) {
      // What the feed handed out but was not marked is still unpublished: a fresh feed finds it again.
      await this.dropFeed();
      throw error;
    }
  }

  private async publishBatch(overlapMarking: boolean): Promise<RelayRound> {
    if (this.halted) return { leader: false, published: 0 };
    if (!this.publisher) {
      const publisher = this.newPublisher();
      await publisher.connect();
      this.publisher = publisher;
    }
    const { commits } = this.store.collections;
    const feed = (this.feed ??= await this.openFeed());
    const batchSize = this.options.batchSize ?? 1000;
    const batch = await (this.prefetched ?? feed.next(batchSize));
    this.prefetched = undefined;
    if (batch.length === 0) return { leader: true, published: 0 };
    if (feed.waits && overlapMarking) {
      this.prefetched = feed.next(batchSize);
      this.prefetched.catch(() => undefined); // awaited by the next round or dropped with the feed
    }

    const records: (OutgoingRecord & TracedRecord)[] = batch.flatMap((commit) =>
      commit.events.map((stored) => ({
        topic: (this.options.topicFor ?? topicOfType)(stored.type as TandemEventType),
        record: rawToKafkaRecord(rawEventOf(commit, stored)),
        traceparent: stored.traceparent,
      })),
    );
    await this.options.beforePublish?.(batch);
    const publisher = this.publisher;
    await publishInTraces(records, () => publisher.publish(records));
    await this.options.afterPublish?.(batch);
    // One mark at a time, in order. A feed that never hands out a commit twice lets the loop take
    // and publish the next batch while this mark is written; a polling feed would find it again.
    await this.marking;
    this.marking = commits
      .updateMany({ _id: { $in: batch.map((commit) => commit._id) } }, { $set: { published: true } })
      .then(() => undefined);
    // Handled here so an overlapped failure is no unhandled rejection; the next round awaits it.
    this.marking.catch(() => undefined);
    if (!feed.waits || !overlapMarking) await this.marking;
    this.publishedEvents += records.length;
    return { leader: true, published: records.length };
  }

  async stats(): Promise<RelayStats> {
    const [unpublished] = await this.store.collections.commits
      .aggregate<{ events: number }>([
        { $match: { published: false } },
        { $group: { _id: null, events: { $sum: { $size: '$events' } } } },
      ])
      .toArray();
    return {
      leader: this.lease.fencingToken !== undefined,
      fencingToken: this.lease.fencingToken,
      backlog: unpublished?.events ?? 0,
      publishedEvents: this.publishedEvents,
      lastError: this.lastError?.message,
    };
  }

  private async runLoop(): Promise<void> {
    // Appends in this process wake the relay at once; the poll covers other processes' appends.
    const pollMs = this.options.pollIntervalMs ?? 500;
    const maxBackoffMs = this.options.maxBackoffMs ?? 5_000;
    const idlePollMaxMs = this.options.idlePollMaxMs ?? 4_000;
    let backoffMs = pollMs;
    let idleMs = pollMs;
    while (this.running) {
      try {
        const round = await this.runOnce(true);
        backoffMs = pollMs;
        // Something published means more may be waiting: go again at once. Idle polls slow down
        // while nothing comes; an append in this process wakes the relay at once.
        if (round.published > 0 || (round.leader && this.feed?.waits)) idleMs = pollMs;
        else {
          await this.pause(round.leader ? idleMs : (this.options.leaseTtlMs ?? 10_000) / 4);
          idleMs = Math.min(idleMs * 2, idlePollMaxMs);
        }
      } catch (error) {
        if (!this.running) break; // stopping closed the feed under a pending read: no failure
        this.lastError = error as Error;
        this.options.onError?.(error as Error);
        // A failed transaction can leave the producer unusable (or fenced): start the next
        // round with a fresh one, whose initialisation also fences any older instance.
        await this.dropPublisher();
        await this.pause(backoffMs);
        backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async halt(): Promise<void> {
    this.running = false;
    this.halted = true;
    this.unsubscribe?.();
    this.wake?.();
    // Disconnecting first aborts a publish that is stuck retrying against an unreachable broker.
    await this.dropPublisher();
    await this.loop;
    this.loop = undefined;
    await this.dropPublisher();
  }

  private async openFeed(): Promise<OutboxFeed> {
    const { commits } = this.store.collections;
    if (this.options.feed === 'polling') return new PollingFeed(commits);
    return (await ChangeStreamFeed.open(commits)) ?? new PollingFeed(commits);
  }

  private async dropFeed(): Promise<void> {
    await this.marking.catch(() => undefined);
    await this.prefetched?.catch(() => undefined);
    this.prefetched = undefined;
    const feed = this.feed;
    this.feed = undefined;
    await feed?.close().catch(() => undefined);
  }

  private async dropPublisher(): Promise<void> {
    await this.dropFeed();
    const publisher = this.publisher;
    this.publisher = undefined;
    await publisher?.disconnect().catch(() => undefined);
  }
}
