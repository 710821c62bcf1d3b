import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { sessionDecider } from '@tandem/sessions-domain';
import { Clock } from '../../infrastructure/clock';
import { documentId, ReadModels } from '../../infrastructure/read-models';
import { withTextFirst } from '@tandem/eventstore';
import type { AgendaItem } from '../../infrastructure/views';
import { sessionStream, SessionViewProjection } from '../../read-models/session-view/session-view-projection';
import { RelationshipKnowledge } from '../../relationships/relationship-knowledge';
import { requireOwnGoals } from '../agenda-goals';
import { sessionResponse, type SessionResponse } from '../session-response';
import type { ScheduleSessionBody } from '../session-schemas';

export class ScheduleSession {
  constructor(
    readonly principal: Principal,
    readonly body: ScheduleSessionBody,
  ) {}
}

/**
 * Schedules a session. Its details (location, agenda) are saved first under the new session's id,
 * then `sessions.session.scheduled` is appended: a crash in between leaves details that no session
 * shows, never a session without its details. A refused schedule takes its details back.
 */
@CommandHandler(ScheduleSession)
export class ScheduleSessionHandler implements ICommandHandler<ScheduleSession, SessionResponse> {
  constructor(
    private readonly store: EventStore,
    private readonly sessions: SessionViewProjection,
    private readonly knowledge: RelationshipKnowledge,
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, body }: ScheduleSession): Promise<SessionResponse> {
    // A foreign or unknown relationship is a 404; an ended one is the decider's 409.
    const relationship = await this.knowledge.visible(principal, body.relationshipId);
    const models = this.readModels.forTenant(principal);
    await requireOwnGoals(models, body.relationshipId, body.agenda);
    const sessionId = randomUUID();
    const { tenantId, userId } = principal;
    const _id = documentId(tenantId, sessionId);
    const agenda: AgendaItem[] = body.agenda.map((item) => ({
      agendaItemId: randomUUID(),
      addedBy: userId,
      ...item,
    }));
    const details = { _id, sessionId, agenda, ...(body.location ? { location: body.location } : {}) };
    const handled = await withTextFirst(
      {
        save: () => models.sessionDetails.insertOne(details),
        discard: () => models.sessionDetails.deleteOne({ _id }),
      },
      () =>
        handleCommand(this.store, sessionDecider, {
          tenantId,
          streamId: sessionStream(sessionId),
          newStream: true,
          command: {
            type: 'schedule',
            by: userId,
            asAdmin: relationship.asAdmin,
            members: relationship.members,
            now: this.clock.now().toISOString(),
            sessionId,
            relationship: {
              relationshipId: relationship.relationshipId,
              programId: relationship.programId,
              status: relationship.relationship.status,
            },
            kind: body.kind,
            format: body.format,
            startsAt: new Date(body.startsAt).toISOString(),
            durationMinutes: body.durationMinutes,
          },
        }),
    );
    // The session is new: no view to read, and the response is what this request wrote.
    const view = await this.sessions.applyAppended(tenantId, sessionId, handled.events, {
      members: relationship.members,
      current: null,
    });
    return sessionResponse(view, { ...details, tenantId });
  }
}
