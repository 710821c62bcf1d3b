import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConcurrencyError, EventStore, handleCommand } from '@tandem/eventstore';
import { relationshipDecider } from '@tandem/matching-domain';
import { PeriodicTask } from '@tandem/runtime';
import { Clock } from '../../infrastructure/clock';
import { MentorCapacity } from '../../infrastructure/mentor-capacity';
import { ReadModels } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { RelationshipView } from '../../infrastructure/views';
import { ReadModelProjection } from '../../read-models/read-model-projection';

/**
 * Expires proposals nobody answered in time, every PROPOSAL_EXPIRY_INTERVAL_MS (default a minute).
 * Accepting a proposal past its expiry expires it too; the sweep is what frees the capacity that
 * unanswered proposals count against (self-select requests, matching) and announces the expiry.
 * Safe with several replicas: the decider makes a second expiry a no-op.
 */
@Injectable()
export class ProposalExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new PeriodicTask('ProposalExpiry', () => this.sweep());

  constructor(
    private readonly readModels: ReadModels,
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly capacity: MentorCapacity,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(Number(process.env['PROPOSAL_EXPIRY_INTERVAL_MS'] ?? 60_000));
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Expires every proposal past its expiry at the clock's now; returns how many it expired. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    // A system job across tenants: each proposal is then handled in its own tenant's scope.
    const due = await this.readModels
      .raw<RelationshipView>('relationships')
      .find({ status: 'proposed', expiresAt: { $lt: now.toISOString() } })
      .project<{ tenantId: string; relationshipId: string }>({ tenantId: 1, relationshipId: 1 })
      .toArray();
    let expired = 0;
    for (const { tenantId, relationshipId } of due) {
      try {
        const handled = await handleCommand(this.store, relationshipDecider, {
          tenantId,
          streamId: streams.relationship(relationshipId),
          command: { type: 'expire', now: now.toISOString() },
        });
        if (handled.events.length === 0) continue;
        expired += 1;
        await this.projection.applyAppended(handled.events);
        await this.capacity.release(tenantId, relationshipId);
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
    return expired;
  }
}
