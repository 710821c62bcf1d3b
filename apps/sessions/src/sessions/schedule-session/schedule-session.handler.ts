import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { Clock } from '../../infrastructure/clock';
import { documentId, ReadModels } from '../../infrastructure/read-models';
import { SessionStore } from '../../infrastructure/session-store';
import type { AgendaItem } from '../../infrastructure/views';
import { RelationshipKnowledge } from '../../relationships/relationship-knowledge';
import { requireOwnGoals } from '../agenda-goals';
import { writtenSession, type SessionResponse } from '../session-response';
import type { ScheduleSessionBody } from '../session-schemas';

export class ScheduleSession {
  constructor(
    readonly principal: Principal,
    readonly body: ScheduleSessionBody,
  ) {}
}

@CommandHandler(ScheduleSession)
export class ScheduleSessionHandler implements ICommandHandler<ScheduleSession, SessionResponse> {
  constructor(
    private readonly sessions: SessionStore,
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
    await this.sessions.execute(tenantId, sessionId, {
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
    });
    const agenda: AgendaItem[] = body.agenda.map((item) => ({
      agendaItemId: randomUUID(),
      addedBy: userId,
      ...item,
    }));
    await models.sessionDetails.insertOne({
      _id: documentId(tenantId, sessionId),
      sessionId,
      format: body.format,
      agenda,
      ...(body.location ? { location: body.location } : {}),
    });
    return writtenSession(models, sessionId);
  }
}
