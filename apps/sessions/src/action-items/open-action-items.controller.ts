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
import { ReadModels } from '../infrastructure/read-models';
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
    const items = (await models.actionItems.find({ assigneeId }).toArray()).filter(
      (item) => !item.completedAt && item.text,
    );
    const visible =
      assigneeId === principal.userId || isPlatformAdmin(principal)
        ? items
        : await this.ofAdministeredPrograms(principal, items);
    return {
      items: visible
        .map(({ actionItemId, sessionId, relationshipId, assigneeId: assignee, text, dueOn }) => ({
          actionItemId,
          sessionId,
          relationshipId,
          assigneeId: assignee,
          text,
          ...(dueOn ? { dueOn } : {}),
        }))
        .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999')),
    };
  }

  private async ofAdministeredPrograms<T extends { sessionId: string }>(
    principal: Principal,
    items: T[],
  ): Promise<T[]> {
    const administered = await this.knowledge.administeredProgramIds(principal);
    if (administered.length === 0) return [];
    const sessions = await this.readModels
      .forTenant(principal)
      .sessions.find({ programId: queryOperator({ $in: administered }) })
      .toArray();
    const sessionIds = new Set(sessions.map((s) => s.sessionId));
    return items.filter((item) => sessionIds.has(item.sessionId));
  }
}
