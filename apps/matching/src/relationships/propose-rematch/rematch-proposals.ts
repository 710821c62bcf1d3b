import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import { ConcurrencyError, EventStore } from '@tandem/eventstore';
import { relationshipDecider } from '@tandem/matching-domain';
import type { EventSubscriber } from '@tandem/runtime';
import { documentId, ReadModels } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { proposeCommandOf } from '../relationship-proposals';

type RematchProposed = Extract<EventEnvelope, { type: 'matching.relationship.rematch-proposed' }>;

/**
 * The process manager of re-matching: `rematch-proposed` (from the topic, and at once from the
 * request) proposes the new relationship it names as a new stream at version 0, so a crash after
 * the decision still gets the proposal made, and a second run appends nothing (ConcurrencyError).
 * Expiry counts from the event's time.
 */
@Injectable()
export class RematchProposals implements EventSubscriber {
  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly projection: ReadModelProjection,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    if (event.type === 'matching.relationship.rematch-proposed') await this.propose(event);
  }

  async propose(event: RematchProposed): Promise<void> {
    const { tenantId } = event.metadata;
    const { relationshipId, programId, newRelationshipId, mentorIds, score } = event.data;
    const models = this.readModels.forTenant(tenantId);
    const [previous, program] = await Promise.all([
      models.relationships.findOne({ _id: documentId(tenantId, relationshipId) }),
      models.programs.findOne({ _id: documentId(tenantId, programId) }),
    ]);
    if (!previous || !program?.settings)
      throw new Error(`relationship ${relationshipId} or its program is not in the read models`);
    const command = proposeCommandOf(
      {
        relationshipId: newRelationshipId,
        programId,
        mentorIds,
        menteeIds: previous.menteeIds,
        score,
        source: 'admin',
        proposalTtlDays: program.settings.proposalTtlDays,
      },
      new Date(event.metadata.time),
    );
    try {
      const events = relationshipDecider.decide(command, relationshipDecider.initialState());
      const appended = await this.store.append(tenantId, streams.relationship(newRelationshipId), 0, events);
      await this.projection.applyAppended(appended);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
}
