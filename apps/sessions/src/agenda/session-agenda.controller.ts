import { randomUUID } from 'node:crypto';
import { Controller, Headers, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { ConcurrencyError } from '@tandem/eventstore';
import { DomainError } from '@tandem/kernel';
import { expectedVersionOf } from '@tandem/runtime';
import type { z } from 'zod';
import { documentId, ReadModels } from '../infrastructure/read-models';
import { sessionStream } from '../read-models/session-view/session-view-projection';
import { requireOwnGoals } from '../sessions/agenda-goals';
import { SessionAccess } from '../sessions/session-access';
import { sessionResponse, sessionResponseSchema } from '../sessions/session-response';
import { agendaItemBody } from '../sessions/session-schemas';

@Controller('sessions/:sessionId/agenda')
@Roles('program-admin', 'participant')
export class SessionAgendaController {
  constructor(
    private readonly access: SessionAccess,
    private readonly readModels: ReadModels,
  ) {}

  /**
   * Adds an agenda item (optionally linked to a goal of the relationship) before the session is over.
   * The item is no event and bumps no version; If-Match still refuses (412) a session that moved on.
   */
  @Post()
  @Responds(sessionResponseSchema, { description: 'The session with the new item last in `agenda`' })
  async add(
    @CurrentPrincipal() principal: Principal,
    @Param('sessionId') sessionId: string,
    @ValidatedBody(agendaItemBody) body: z.infer<typeof agendaItemBody>,
    @Headers('if-match') ifMatch?: string,
  ) {
    const expectedVersion = expectedVersionOf(ifMatch);
    const { session } = await this.access.visible(principal, sessionId);
    if (expectedVersion !== undefined && expectedVersion !== session.version)
      throw new ConcurrencyError(sessionStream(sessionId), expectedVersion, session.version);
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
