import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import { applyOnce, type ProjectedDocument } from '@tandem/messaging';
import type { EventSubscriber } from '@tandem/runtime';
import { RelationshipGoalsCloser } from '../goals/close-goals/relationship-goals-closer';
import { documentId, ReadModels } from '../infrastructure/read-model-collections';
import { evolveProgramFacts, type ProgramFacts } from './program-facts';
import { evolveRelationshipFacts, type RelationshipFacts } from './relationship-facts';

/**
 * Learns relationships (parties, status) and program admins from matching's topic, once per
 * stream version, and closes a relationship's open goals when it ends. Every step is idempotent,
 * so redelivery and replays change nothing.
 */
@Injectable()
export class MatchingFactsSubscriber implements EventSubscriber {
  constructor(
    private readonly readModels: ReadModels,
    private readonly closer: RelationshipGoalsCloser,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    const { tenantId } = event.metadata;
    if (event.type.startsWith('matching.relationship.')) {
      const { relationshipId } = event.data as { relationshipId: string };
      await applyOnce(
        this.readModels.raw<ProjectedDocument<RelationshipFacts>>('relationship_facts'),
        documentId(tenantId, relationshipId),
        event,
        evolveRelationshipFacts,
      );
      // Also on a redelivered "ended": a crash may have come between recording it and closing the goals.
      if (event.type === 'matching.relationship.ended')
        await this.closer.closeOpenGoals(tenantId, relationshipId);
      return;
    }
    if (event.type === 'matching.program.created' || event.type === 'matching.program.updated') {
      await applyOnce(
        this.readModels.raw<ProjectedDocument<ProgramFacts>>('program_facts'),
        documentId(tenantId, event.data.programId),
        event,
        evolveProgramFacts,
      );
    }
  }
}
