import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import { ConcurrencyError, EventStore, type StreamAppend } from '@tandem/eventstore';
import { isDomainError } from '@tandem/kernel';
import { relationshipDecider } from '@tandem/matching-domain';
import type { EventSubscriber } from '@tandem/runtime';
import { documentId, ReadModels } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { VisibleProgram } from '../../programs/program-access';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { proposeCommandOf, type Proposal } from '../../relationships/relationship-proposals';
import { proposalsOf } from './run-proposals';

type Published = Extract<EventEnvelope, { type: 'matching.match-run.published' }>;

/**
 * The process manager of publishing: `match-run.published` (from the service's own topic, and at
 * once from the publish handler) proposes every relationship it names. Each proposal is a new
 * stream with a derived id, appended at version 0, so a run after a crash, a redelivery or the
 * topic coming second appends nothing twice: the unique version index refuses the second append
 * (a ConcurrencyError, i.e. already proposed). Expiry counts from the event's time, not the run's.
 */
@Injectable()
export class MatchRunPublication implements EventSubscriber {
  private readonly logger = new Logger('MatchRunPublication');

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly projection: ReadModelProjection,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    if (event.type === 'matching.match-run.published') await this.proposeAll(event);
  }

  /** Appends the proposals not made yet (all in one round trip); returns how many it made. */
  async proposeAll(event: Published): Promise<number> {
    const proposals = await this.proposalsNamedBy(event);
    const now = new Date(event.metadata.time);
    const appends = proposals.flatMap((proposal) => this.appendOf(event.metadata.tenantId, proposal, now));
    let proposed = 0;
    for (const outcome of await this.store.appendMany(appends)) {
      if (outcome.ok) {
        proposed += 1;
        await this.projection.applyAppended(outcome.events);
      } else if (!(outcome.error instanceof ConcurrencyError)) throw outcome.error;
    }
    return proposed;
  }

  private async proposalsNamedBy(event: Published): Promise<Proposal[]> {
    const { tenantId } = event.metadata;
    const { programId, runId, relationshipIds } = event.data;
    const models = this.readModels.forTenant(tenantId);
    const [run, program, participants] = await Promise.all([
      models.matchRuns.findOne({ _id: documentId(tenantId, runId), programId }),
      models.programs.findOne({ _id: documentId(tenantId, programId) }),
      models.participants.find({ programId }).toArray(),
    ]);
    if (!run || !program?.settings)
      throw new Error(`match run ${runId} or its program is not in the read models`);
    const named = new Set(relationshipIds);
    return proposalsOf(run, program as VisibleProgram, participants).filter((p) =>
      named.has(p.relationshipId),
    );
  }

  /** A new stream's decision needs no read: its state is the initial one, or the append is refused. */
  private appendOf(tenantId: string, proposal: Proposal, now: Date): StreamAppend[] {
    try {
      const events = relationshipDecider.decide(
        proposeCommandOf(proposal, now),
        relationshipDecider.initialState(),
      );
      return [
        { tenantId, streamId: streams.relationship(proposal.relationshipId), expectedVersion: 0, events },
      ];
    } catch (error) {
      if (!isDomainError(error)) throw error;
      this.logger.warn(`proposal ${proposal.relationshipId} refused: ${error.code}`);
      return [];
    }
  }
}
