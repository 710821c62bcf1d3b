import { Controller, Get } from '@nestjs/common';
import {
  compareKeys,
  CurrentPrincipal,
  isPlatformAdmin,
  pageOf,
  paginate,
  queryOperator,
  Responds,
  Roles,
  ValidatedQuery,
  type Principal,
} from '@tandem/auth';
import type { z } from 'zod';
import { documentId, ReadModels } from '../infrastructure/read-models';
import { RelationshipKnowledge } from '../relationships/relationship-knowledge';
import { openActionItemsQuery } from '../sessions/session-schemas';
import {
  openActionItemResponse,
  openActionItemResponseSchema,
  type OpenActionItemResponse,
} from './open-action-item-response';

// Items without a due date come last.
const keyOf = (item: OpenActionItemResponse) => [item.dueOn ?? '9999-12-31', item.actionItemId];

@Controller('action-items')
@Roles('program-admin', 'participant')
export class OpenActionItemsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly knowledge: RelationshipKnowledge,
  ) {}

  /** Open action items of a participant (default: yours); admins see those of their programs' sessions. */
  @Get()
  @Responds(pageOf(openActionItemResponseSchema), {
    description: 'A page of open action items, soonest due first',
  })
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
    const open = visible.flatMap((session) =>
      session.actionItems
        .filter((item) => item.assigneeId === assigneeId && !item.completedAt)
        .map((item) => ({ item, session })),
    );
    const texts = await models.actionItemTexts
      .find({
        _id: queryOperator({
          $in: open.map(({ item }) => documentId(principal.tenantId, item.actionItemId)),
        }),
      })
      .toArray();
    const textOf = new Map(texts.map((t) => [t.actionItemId, t.text]));
    const items = open.flatMap(({ item, session }) => {
      const text = textOf.get(item.actionItemId);
      return text ? [openActionItemResponse(item, session, text)] : [];
    });
    items.sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
    return paginate(items, query, keyOf);
  }

  private async ofAdministeredPrograms<T extends { programId: string }>(
    principal: Principal,
    sessions: T[],
  ): Promise<T[]> {
    const administered = new Set(await this.knowledge.administeredProgramIds(principal));
    return sessions.filter((session) => administered.has(session.programId));
  }
}
