import { Injectable } from '@nestjs/common';
import type { EventEnvelope, TandemEvent } from '@tandem/events';
import type { EventSubscriber } from '@tandem/runtime';
import { programFactOf, relationshipFactOf } from '@tandem/sessions-domain';
import { RelationshipKnowledge } from './relationship-knowledge';

/** Learns relationships (members, status, agreed cadence) and programs (cadence, admins) from matching's topic. */
@Injectable()
export class MatchingEventsSubscriber implements EventSubscriber {
  constructor(private readonly knowledge: RelationshipKnowledge) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    const event = envelope as unknown as TandemEvent;
    const { tenantId, streamVersion, time } = envelope.metadata;
    const relationshipFact = relationshipFactOf(event, time);
    if (relationshipFact) {
      const { relationshipId, programId } = envelope.data as { relationshipId: string; programId: string };
      await this.knowledge.recordRelationshipFact(
        tenantId,
        relationshipId,
        programId,
        streamVersion,
        relationshipFact,
      );
      return;
    }
    const programFact = programFactOf(event);
    if (programFact) {
      const { programId } = envelope.data as { programId: string };
      await this.knowledge.recordProgramFact(tenantId, programId, streamVersion, programFact);
    }
  }
}
