import { randomUUID } from 'node:crypto';
import { Controller, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { DomainError } from '@tandem/kernel';
import type { z } from 'zod';
import { documentId, ReadModels } from '../infrastructure/read-models';
import { requireOwnGoals } from '../sessions/agenda-goals';
import { SessionAccess } from '../sessions/session-access';
import { sessionResponse } from '../sessions/session-response';
import { agendaItemBody } from '../sessions/session-schemas';

@Controller('sessions/:sessionId/agenda')
@Roles('program-admin', 'participant')
export class SessionAgendaController {
  constructor(
    private readonly access: SessionAccess,
    private readonly readModels: ReadModels,
  ) {}

  /** Adds an agenda item (optionally linked to a goal of the relationship) before the session is over. */
  @Post()
  async add(
    @CurrentPrincipal() principal: Principal,
    @Param('sessionId') sessionId: string,
    @ValidatedBody(agendaItemBody) body: z.infer<typeof agendaItemBody>,
  ) {
    const { session } = await this.access.visible(principal, sessionId);
    if (session.status !== 'scheduled')
      throw new DomainError(
        'session-not-scheduled',
        `Cannot change the agenda of a session that is ${session.status}`,
      );
    const models = this.readModels.forTenant(principal);
    await requireOwnGoals(models, session.relationshipId, [body]);
    const item = {
      agendaItemId: randomUUID(),
      addedBy: principal.userId,
      text: body.text,
      ...(body.goalId ? { goalId: body.goalId } : {}),
    };
    // The details as they are after the push, in the same round trip; the item changes no view.
    const details = await models.sessionDetails.findOneAndUpdate(
      { _id: documentId(principal.tenantId, sessionId) },
      { $push: { agenda: item } },
      { returnDocument: 'after' },
    );
    return sessionResponse(session, details);
  }
}
