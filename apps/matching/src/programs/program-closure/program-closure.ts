import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import { ConcurrencyError, EventStore, handleCommand } from '@tandem/eventstore';
import { isDomainError } from '@tandem/kernel';
import { relationshipDecider } from '@tandem/matching-domain';
import { queryOperator } from '@tandem/auth';
import type { EventSubscriber } from '@tandem/runtime';
import { Clock } from '../../infrastructure/clock';
import { MentorCapacity } from '../../infrastructure/mentor-capacity';
import { ReadModels } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import { ReadModelProjection } from '../../read-models/read-model-projection';

/**
 * A closed program ends its running and paused relationships with the reason `program-ended`
 * (`program-closed` in `matching.relationship.ended`), whoever closed it: an admin by hand or the
 * program's end date; and its proposals nobody answered lapse (`matching.relationship.expired`),
 * since they can no longer start. Driven by `matching.program.closed` from the topic, so a crash
 * after the close still ends them; the closing request runs it at once too. Re-running ends
 * nothing twice: the decider refuses to end an ended relationship and expires only a proposal.
 */
@Injectable()
export class ProgramClosure implements EventSubscriber {
  constructor(
    private readonly readModels: ReadModels,
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly capacity: MentorCapacity,
    private readonly clock: Clock,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    if (event.type !== 'matching.program.closed') return;
    await this.endRelationshipsOf(event.metadata.tenantId, event.data.programId, event.data.by);
  }

  /** Ends the program's running and paused relationships; returns how many this call ended. */
  async endRelationshipsOf(tenantId: string, programId: string, by: string): Promise<number> {
    const running = await this.readModels
      .forTenant(tenantId)
      .relationships.find({ programId, status: queryOperator({ $in: ['active', 'paused'] }) })
      .project<{ relationshipId: string }>({ relationshipId: 1 })
      .toArray();
    let ended = 0;
    for (const { relationshipId } of running) {
      if (await this.end(tenantId, relationshipId, by)) ended += 1;
    }
    await this.expireProposalsOf(tenantId, programId);
    return ended;
  }

  /** Its proposals lapse: accepting them is refused once the program is closed. */
  private async expireProposalsOf(tenantId: string, programId: string): Promise<void> {
    const proposals = await this.readModels
      .forTenant(tenantId)
      .relationships.find({ programId, status: 'proposed' })
      .project<{ relationshipId: string }>({ relationshipId: 1 })
      .toArray();
    for (const { relationshipId } of proposals) {
      try {
        const handled = await handleCommand(this.store, relationshipDecider, {
          tenantId,
          streamId: streams.relationship(relationshipId),
          command: { type: 'expire', now: this.clock.nowIso(), programClosed: true },
        });
        await this.projection.applyAppended(handled.events);
      } catch (error) {
        // Answered or expired meanwhile: nothing left to do.
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
  }

  private async end(tenantId: string, relationshipId: string, by: string): Promise<boolean> {
    try {
      const handled = await handleCommand(this.store, relationshipDecider, {
        tenantId,
        streamId: streams.relationship(relationshipId),
        command: {
          type: 'end',
          by,
          asAdmin: true,
          reason: 'program-closed',
          requestRematch: false,
          now: this.clock.nowIso(),
        },
      });
      await this.projection.applyAppended(handled.events);
      await this.capacity.release(tenantId, relationshipId);
      return handled.events.length > 0;
    } catch (error) {
      // Ended already (by a party, or by an earlier delivery of this close): nothing to do.
      if (isDomainError(error) || error instanceof ConcurrencyError) return false;
      throw error;
    }
  }
}
