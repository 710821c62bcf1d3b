import { Controller, Get } from '@nestjs/common';
import {
  CurrentPrincipal,
  isPlatformAdmin,
  queryOperator,
  Roles,
  ValidatedQuery,
  type Principal,
} from '@tandem/auth';
import type { z } from 'zod';
import { documentId, ReadModels } from '../infrastructure/read-models';
import { RelationshipKnowledge } from '../relationships/relationship-knowledge';
import { openActionItemsQuery } from '../sessions/session-schemas';

@Controller('action-items')
@Roles('program-admin', 'participant')
export class OpenActionItemsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly knowledge: RelationshipKnowledge,
  ) {}

  /** Open action items of a participant (default: yours); admins see those of their programs' sessions. */
  @Get()
  async open(
    @CurrentPrincipal() principal: Principal,
    @ValidatedQuery(openActionItemsQuery) query: z.infer<typeof openActionItemsQuery>,
  ) {
    const assigneeId = query.assigneeId ?? principal.userId;
    const models = this.readModels.forTenant(principal);
    // One indexed query: sessions holding an action item of the assignee (multikey on actionItems.assigneeId).
    const sessions = await models.sessions.find({ 'actionItems.assigneeId': assigneeId }).toArray();
    const visible =
      assigneeId === principal.userId || isPlatformAdmin(principal)
        ? sessions
        : await this.ofAdministeredPrograms(principal, sessions);
    const items = visible.flatMap((session) =>
      session.actionItems
        .filter((item) => item.assigneeId === assigneeId && !item.completedAt)
        .map((item) => ({ ...item, sessionId: session.sessionId, relationshipId: session.relationshipId })),
    );
    const texts = await models.actionItemTexts
      .find({
        _id: queryOperator({ $in: items.map((item) => documentId(principal.tenantId, item.actionItemId)) }),
      })
      .toArray();
    const textOf = new Map(texts.map((t) => [t.actionItemId, t.text]));
    return {
      items: items
        .flatMap(({ actionItemId, sessionId, relationshipId, assigneeId: assignee, dueOn }) => {
          const text = textOf.get(actionItemId);
          return text
            ? [
                {
                  actionItemId,
                  sessionId,
                  relationshipId,
                  assigneeId: assignee,
                  text,
                  ...(dueOn ? { dueOn } : {}),
                },
              ]
            : [];
        })
        .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999')),
    };
  }

  private async ofAdministeredPrograms<T extends { programId: string }>(
    principal: Principal,
    sessions: T[],
  ): Promise<T[]> {
    const administered = new Set(await this.knowledge.administeredProgramIds(principal));
    return sessions.filter((session) => administered.has(session.programId));
  }
}
