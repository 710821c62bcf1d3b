import { Controller, Get } from '@nestjs/common';
import { CurrentPrincipal, queryOperator, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { GoalAccess } from '../../goals/goal-access';
import { ReadModels } from '../../infrastructure/read-model-collections';
import { templateResponse } from '../template-response';
import { listTemplatesQuery } from '../template-schemas';

@Controller('goal-templates')
@Roles('program-admin', 'participant')
export class ListTemplatesController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly access: GoalAccess,
  ) {}

  /** A program's templates, for its admins and for participants with a relationship in it; nobody else sees any. */
  @Get()
  async list(
    @CurrentPrincipal() principal: Principal,
    @ValidatedQuery(listTemplatesQuery) query: { programId: string },
  ) {
    const models = this.readModels.forTenant(principal);
    const member = await Promise.all([
      models.relationships.findOne({ programId: query.programId, mentorIds: principal.userId }),
      models.relationships.findOne({ programId: query.programId, menteeIds: principal.userId }),
    ]);
    const mayRead = member.some(Boolean) || (await this.access.manages(principal, query.programId));
    if (!mayRead) return { items: [] };
    const templates = await models.templates.find({ programId: query.programId }).toArray();
    const texts = await models.templateTexts
      .find({ _id: queryOperator({ $in: templates.map((t) => t._id) }) })
      .toArray();
    const textsOf = new Map(texts.map((t) => [t._id, t]));
    const items = templates.flatMap((t) => {
      const text = textsOf.get(t._id);
      return text ? [templateResponse(t, text)] : [];
    });
    items.sort((a, b) => a.templateId.localeCompare(b.templateId));
    return { items };
  }
}
