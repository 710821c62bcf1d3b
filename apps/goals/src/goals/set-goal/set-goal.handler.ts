import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { invalidRequest, type Principal } from '@tandem/auth';
import { GoalRuleViolation, type GoalMeasure } from '@tandem/goals-domain';
import { AggregateStore } from '../../infrastructure/aggregate-store';
import { Clock } from '../../infrastructure/clock';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import type { GoalTemplateView, GoalView } from '../../infrastructure/views';
import { RelationshipGoalsCloser } from '../close-goals/relationship-goals-closer';
import type { SetGoalBody } from '../goal-schemas';

export class SetGoal {
  constructor(
    readonly principal: Principal,
    readonly body: SetGoalBody,
  ) {}
}

/** The goal the body describes once a template (if any) fills what the body leaves out. */
interface GoalDraft {
  readonly title: string;
  readonly description?: string;
  readonly measure: GoalMeasure;
  readonly category: string;
  readonly horizon: 'short-term' | 'long-term';
  readonly milestones: readonly { title: string; dueDate?: string }[];
}

@CommandHandler(SetGoal)
export class SetGoalHandler implements ICommandHandler<SetGoal, GoalView> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly readModels: ReadModels,
    private readonly closer: RelationshipGoalsCloser,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, body }: SetGoal): Promise<GoalView> {
    const { tenantId, userId } = principal;
    const models = this.readModels.forTenant(principal);
    const relationship =
      (await models.relationships.findOne({ _id: documentId(tenantId, body.relationshipId) })) ?? undefined;
    const isParty =
      relationship !== undefined && [...relationship.mentorIds, ...relationship.menteeIds].includes(userId);
    // A template is looked up only for a party: others get the decider's 404 for the relationship.
    const template =
      isParty && body.templateId
        ? await this.templateOf(principal, body.templateId, relationship.programId)
        : undefined;
    const draft = draftOf(body, template);
    const goalId = randomUUID();
    const milestones = draft.milestones.map((m) => ({ ...m, milestoneId: randomUUID() }));
    await this.aggregates.execute('goal', {
      tenantId,
      id: goalId,
      command: {
        type: 'set',
        goalId,
        by: userId,
        relationship,
        measure: draft.measure,
        horizon: draft.horizon,
        category: draft.category,
        targetDate: body.dueDate,
        milestones: milestones.map(({ milestoneId, dueDate }) => ({
          milestoneId,
          ...(dueDate ? { dueDate } : {}),
        })),
        now: this.clock.now(),
        ...(body.ownerId ? { ownerId: body.ownerId } : {}),
        ...(template ? { templateId: template.templateId } : {}),
      },
    });
    const _id = documentId(tenantId, goalId);
    await models.goals.updateOne(
      { _id },
      {
        $set: {
          title: draft.title,
          ...(draft.description ? { description: draft.description } : {}),
          milestoneTitles: Object.fromEntries(milestones.map((m) => [m.milestoneId, m.title])),
          progressNotes: [],
          revisionHistory: [],
        },
      },
    );
    await this.closer.closeIfEnded(tenantId, body.relationshipId, goalId);
    return written(models.goals.findOne({ _id }));
  }

  private async templateOf(
    principal: Principal,
    templateId: string,
    programId: string,
  ): Promise<GoalTemplateView> {
    const template = await this.readModels
      .forTenant(principal)
      .templates.findOne({ _id: documentId(principal.tenantId, templateId) });
    if (!template || template.programId !== programId || !template.title) {
      throw new GoalRuleViolation(
        'unknown-template',
        'No such goal template in this relationship’s program',
        'invalid',
      );
    }
    return template;
  }
}

function draftOf(body: SetGoalBody, template: GoalTemplateView | undefined): GoalDraft {
  const title = body.title ?? template?.title;
  const measure = body.measure ?? template?.suggestedMeasure;
  const category = body.relevance ?? template?.category;
  const missing = [
    ...(title ? [] : ['title']),
    ...(measure ? [] : ['measure']),
    ...(category ? [] : ['relevance']),
    ...(body.description || template ? [] : ['description']),
  ];
  if (!title || !measure || !category || missing.length > 0) {
    throw invalidRequest(
      'body',
      missing.map((field) => ({ field, message: 'is required without a template' })),
    );
  }
  const description = body.description ?? template?.description;
  return {
    title,
    measure,
    category,
    horizon: body.horizon ?? template?.horizon ?? 'short-term',
    milestones: body.milestones ?? template?.milestones ?? [],
    ...(description ? { description } : {}),
  };
}
