import { Controller, Get } from '@nestjs/common';
import {
  CurrentPrincipal,
  decodeCursor,
  encodeCursor,
  pageOf,
  queryOperator,
  Responds,
  Roles,
  ValidatedQuery,
  type Page,
  type Principal,
} from '@tandem/auth';
import { GoalAccess } from '../../goals/goal-access';
import { ReadModels } from '../../infrastructure/read-model-collections';
import { templateResponse, templateResponseSchema, type TemplateResponse } from '../template-response';
import { listTemplatesQuery, type ListTemplatesQuery } from '../template-schemas';

@Controller('goal-templates')
@Roles('program-admin', 'participant')
export class ListTemplatesController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly access: GoalAccess,
  ) {}

  /** A program's templates, for its admins and for participants with a relationship in it; nobody else sees any. */
  @Get()
  @Responds(pageOf(templateResponseSchema), { description: "A page of the program's templates, by id" })
  async list(
    @CurrentPrincipal() principal: Principal,
    @ValidatedQuery(listTemplatesQuery) query: ListTemplatesQuery,
  ): Promise<Page<TemplateResponse>> {
    const after = query.cursor === undefined ? undefined : String(decodeCursor(query.cursor)[0]);
    const models = this.readModels.forTenant(principal);
    const member = await Promise.all([
      models.relationships.findOne({ programId: query.programId, mentorIds: principal.userId }),
      models.relationships.findOne({ programId: query.programId, menteeIds: principal.userId }),
    ]);
    const mayRead = member.some(Boolean) || (await this.access.manages(principal, query.programId));
    if (!mayRead) return { items: [] };
    // Paged in the database by template id: one more than a page tells whether another follows.
    const found = await models.templates
      .find(
        {
          programId: query.programId,
          ...(after === undefined ? {} : { templateId: queryOperator({ $gt: after }) }),
        },
        { sort: { templateId: 1 }, limit: query.limit + 1 },
      )
      .toArray();
    const templates = found.slice(0, query.limit);
    const texts = await models.templateTexts
      .find({ _id: queryOperator({ $in: templates.map((t) => t._id) }) })
      .toArray();
    const textsOf = new Map(texts.map((t) => [t._id, t]));
    const items = templates.flatMap((t) => {
      const text = textsOf.get(t._id);
      return text ? [templateResponse(t, text)] : [];
    });
    const last = templates.at(-1);
    return found.length > query.limit && last
      ? { items, nextCursor: encodeCursor([last.templateId]) }
      : { items };
  }
}
