import { randomUUID } from 'node:crypto';
import { toKafkaRecord, topicOfType, type TandemEventType } from '@tandem/events';
import type { OutgoingRecord } from '@tandem/messaging';
import type { EventStore } from './event-store';
import { Lease } from './lease';
import { Sequencer } from './sequencer';
import type { CommitDocument } from './storage';
import { envelopeOf } from './stored-event';

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
  readonly batchSize?: number;
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
  readonly sequenced: number;
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
 * Moves events from the store's outbox to Kafka in global-position order: sequences new commits,
 * publishes a batch in one Kafka transaction, then advances its published checkpoint past the
 * batch (that is what marks the events published). A crash between the two
 * re-publishes the batch later (consumers are idempotent); Kafka outages are waited out with backoff.
 */
export class OutboxRelay {
  private readonly lease: Lease;
  private readonly sequencer: Sequencer;
  private publisher: RelayPublisher | undefined;
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
    this.lease = new Lease(leases, `outbox-relay:${options.service}`, options.owner ?? randomUUID(), options.leaseTtlMs ?? 10_000);
    this.sequencer = new Sequencer(store.collections);
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

  /** One round: hold the lease, sequence, publish one batch, mark it. */
  async runOnce(): Promise<RelayRound> {
    if (!(await this.lease.acquireOrRenew())) {
      await this.dropPublisher();
      return { leader: false, sequenced: 0, published: 0 };
    }
    if (this.halted) return { leader: false, sequenced: 0, published: 0 };
    if (!this.publisher) {
      const publisher = this.newPublisher();
      await publisher.connect();
      this.publisher = publisher;
    }
    const batchSize = this.options.batchSize ?? 200;
    const sequenced = await this.sequencer.sequence(batchSize);
    const { commits, checkpoints } = this.store.collections;
    const checkpoint = await this.checkpoint();
    const batch = await commits
      .find({ sequenced: true, lastPosition: { $gt: checkpoint } })
      .sort({ position: 1 })
      .limit(batchSize)
      .toArray();
    if (batch.length === 0) return { leader: true, sequenced, published: 0 };

    const records: OutgoingRecord[] = batch.flatMap((commit) =>
      commit.events.map((stored) => ({
        topic: (this.options.topicFor ?? topicOfType)(stored.type as TandemEventType),
        record: toKafkaRecord(envelopeOf(commit, stored)),
      })),
    );
    await this.options.beforePublish?.(batch);
    await this.publisher.publish(records);
    await this.options.afterPublish?.(batch);
    // $max: a relay that was fenced after publishing can never move the checkpoint back.
    await checkpoints.updateOne(
      { _id: this.options.service },
      { $max: { position: batch.at(-1)?.lastPosition ?? checkpoint }, $set: { publishedAt: new Date() } },
      { upsert: true },
    );
    this.publishedEvents += records.length;
    return { leader: true, sequenced, published: records.length };
  }

  async stats(): Promise<RelayStats> {
    const { commits, positions } = this.store.collections;
    // Summed here rather than with $group/$size, which the local FerretDB does not implement.
    const unsequenced = await commits.find({ sequenced: false }, { projection: { fromVersion: 1, toVersion: 1 } }).toArray();
    const lastTaken = await positions.find().sort({ _id: -1 }).limit(1).next();
    const sequencedUnpublished = lastTaken ? lastTaken._id + lastTaken.count - 1 - (await this.checkpoint()) : 0;
    return {
      leader: this.lease.fencingToken !== undefined,
      fencingToken: this.lease.fencingToken,
      backlog: sequencedUnpublished + unsequenced.reduce((sum, c) => sum + c.toVersion - c.fromVersion + 1, 0),
      publishedEvents: this.publishedEvents,
      lastError: this.lastError?.message,
    };
  }

  private async checkpoint(): Promise<number> {
    return (await this.store.collections.checkpoints.findOne({ _id: this.options.service }))?.position ?? 0;
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
        const round = await this.runOnce();
        backoffMs = pollMs;
        // A full batch means more may be waiting: go again at once. Idle polls (each scans for
        // unsequenced commits) slow down while nothing comes; an append here wakes it at once.
        if (round.published > 0) idleMs = pollMs;
        else {
          await this.pause(round.leader ? idleMs : (this.options.leaseTtlMs ?? 10_000) / 4);
          idleMs = Math.min(idleMs * 2, idlePollMaxMs);
        }
      } catch (error) {
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

  private async dropPublisher(): Promise<void> {
    const publisher = this.publisher;
    this.publisher = undefined;
    await publisher?.disconnect().catch(() => undefined);
  }
}
