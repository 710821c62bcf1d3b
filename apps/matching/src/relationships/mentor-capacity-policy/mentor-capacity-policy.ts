import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import { EventStore } from '@tandem/eventstore';
import { PeriodicTask, type EventSubscriber } from '@tandem/runtime';
import { MentorCapacity } from '../../infrastructure/mentor-capacity';
import { documentId, ReadModels } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import { CapacityLimits } from '../capacity-limits';

const closing = new Set([
  'matching.relationship.ended',
  'matching.relationship.declined',
  'matching.relationship.expired',
]);

/**
 * Keeps capacity holds in step with relationships, so none leaks when a request dies between its
 * claim and its append (or after the append, before its own confirm or release):
 * - from the service's topic: `relationship.started` confirms the holds, `ended`, `declined` and
 *   `expired` release them (both idempotent, so redelivery changes nothing). A start found holding
 *   nothing (its hold swept while its request stalled, or holds predating this collection, met
 *   on a replay of the topic) is settled by the relationship's stream;
 * - every CAPACITY_SWEEP_INTERVAL_MS (default a minute), a hold still unconfirmed
 *   CAPACITY_CLAIM_TIMEOUT_MS (default 10 minutes) after its claim is settled by the stream too.
 */
@Injectable()
export class MentorCapacityPolicy implements EventSubscriber, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MentorCapacityPolicy');
  private readonly task = new PeriodicTask('MentorCapacityPolicy', () => this.sweep());
  private readonly claimTimeoutMs = Number(process.env['CAPACITY_CLAIM_TIMEOUT_MS'] ?? 600_000);

  constructor(
    private readonly capacity: MentorCapacity,
    private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly limits: CapacityLimits,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(Number(process.env['CAPACITY_SWEEP_INTERVAL_MS'] ?? 60_000));
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  async handle(event: EventEnvelope): Promise<void> {
    const { tenantId } = event.metadata;
    if (event.type === 'matching.relationship.started') {
      const { relationshipId } = event.data;
      if (!(await this.capacity.confirm(tenantId, relationshipId)))
        await this.settle(tenantId, relationshipId);
    } else if (closing.has(event.type)) {
      await this.capacity.release(tenantId, (event.data as { relationshipId: string }).relationshipId);
    }
  }

  /** Settles every hold left unconfirmed past the claim timeout at `now`; returns how many it released. */
  async sweep(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.claimTimeoutMs);
    let released = 0;
    for (const { tenantId, relationshipId } of await this.capacity.unstartedBefore(cutoff)) {
      if ((await this.settle(tenantId, relationshipId)) === 'released') released += 1;
    }
    return released;
  }

  /**
   * Settles the relationship's holds by its stream, the truth: closed → released; running →
   * confirmed (held again if it holds nothing: the start is a fact and counts, even beyond the
   * capacity); never started → its unconfirmed holds released. Also for an acceptance that failed
   * after claiming: a concurrent acceptance of the same relationship shares its hold, and keeps it
   * if that one started the relationship.
   */
  async settle(tenantId: string, relationshipId: string): Promise<'confirmed' | 'released'> {
    const { events } = await this.store.readStream(tenantId, streams.relationship(relationshipId));
    const started = events.find((e) => e.type === 'matching.relationship.started');
    if (events.some((e) => closing.has(e.type))) {
      await this.capacity.release(tenantId, relationshipId);
      return 'released';
    }
    if (started?.type !== 'matching.relationship.started') {
      await this.capacity.release(tenantId, relationshipId, true);
      return 'released';
    }
    if (!(await this.capacity.confirm(tenantId, relationshipId))) {
      const { programId } = started.data;
      const program = await this.readModels
        .forTenant(tenantId)
        .programs.findOne({ _id: documentId(tenantId, programId) });
      if (!program?.programType) throw new Error(`program ${programId} is not in the read model yet`);
      const limits = await this.limits.of(tenantId, started.data, {
        programId,
        programType: program.programType,
      });
      await this.capacity.holdStarted(tenantId, relationshipId, limits);
      this.logger.warn(`relationship ${relationshipId} had started holding no capacity: held now`);
    }
    return 'confirmed';
  }
}
