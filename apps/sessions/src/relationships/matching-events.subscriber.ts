import { Injectable } from '@nestjs/common';
import type { EventEnvelope, TandemEvent } from '@tandem/events';
import type { EventSubscriber } from '@tandem/runtime';
import { programFactOf, relationshipFactOf } from '@tandem/sessions-domain';
import { CalendarFeeds } from '../calendar/calendar-feeds';
import { RelationshipKnowledge } from './relationship-knowledge';

/** Learns relationships (members, status, agreed cadence) and programs (cadence, admins) from matching's topic. */
@Injectable()
export class MatchingEventsSubscriber implements EventSubscriber {
  constructor(
    private readonly knowledge: RelationshipKnowledge,
    private readonly feeds: CalendarFeeds,
  ) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    const event = envelope as unknown as TandemEvent;
    const { tenantId, streamVersion, time } = envelope.metadata;
    // A person deactivated in the directory loses their calendar feed (the address is a credential).
    if (event.type === 'matching.person.deactivated')
      return this.feeds.deactivate(tenantId, event.data.userId);
    if (event.type === 'matching.person.reactivated')
      return this.feeds.reactivate(tenantId, event.data.userId);
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
