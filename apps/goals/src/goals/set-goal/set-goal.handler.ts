import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { invalidRequest, type Principal } from '@tandem/auth';
import { EventStore, handleCommand, withTextFirst } from '@tandem/eventstore';
import {
  goalDecider,
  type GoalHorizon,
  type GoalMeasure,
  type KnownRelationship,
} from '@tandem/goals-domain';
import { DomainError } from '@tandem/kernel';
import { Clock } from '../../infrastructure/clock';
import {
  documentId,
  ReadModels,
  written,
  type StoredGoalView,
} from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { GoalTemplateTextsView, GoalTextsView } from '../../infrastructure/views';
import { GoalViewProjection } from '../../read-models/goal-view/goal-view-projection';
import { RelationshipGoalsCloser } from '../close-goals/relationship-goals-closer';
import type { SetGoalBody } from '../goal-schemas';

export class SetGoal {
  constructor(
    readonly principal: Principal,
    readonly body: SetGoalBody,
  ) {}
}

export interface SetGoalResult {
  readonly goal: StoredGoalView;
  readonly texts: GoalTextsView;
}

/** A template as a goal is drafted from it: its event's fields and its texts. */
type TemplateDraft = Omit<GoalTemplateTextsView, '_id' | 'tenantId'> & { readonly category: string };

/** The goal the body describes once a template (if any) fills what the body leaves out. */
interface GoalDraft {
  readonly title: string;
  readonly description?: string;
  readonly measure: GoalMeasure;
  readonly category: string;
  readonly horizon: GoalHorizon;
  readonly milestones: readonly { title: string; dueDate?: string }[];
}

/**
 * Sets a goal. Its texts are saved first under the new goal's id, then `goals.goal.set` is
 * appended: a crash in between leaves texts no goal points to (never shown), not a goal without them.
 * The goal's stream and view are new (a random id), so neither is read before it is written.
 */
@CommandHandler(SetGoal)
export class SetGoalHandler implements ICommandHandler<SetGoal, SetGoalResult> {
  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly goals: GoalViewProjection,
    private readonly closer: RelationshipGoalsCloser,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, body }: SetGoal): Promise<SetGoalResult> {
    const { tenantId, userId } = principal;
    const models = this.readModels.forTenant(principal);
    const relationship =
      (await models.relationships.findOne({ _id: documentId(tenantId, body.relationshipId) })) ?? undefined;
    // A template is looked up only for a party: others get the decider's 404 for the relationship.
    const template =
      body.templateId && isParty(relationship, userId)
        ? await this.templateOf(principal, body.templateId, relationship.programId)
        : undefined;
    const draft = draftOf(body, template);
    const goalId = randomUUID();
    const _id = documentId(tenantId, goalId);
    const milestones = draft.milestones.map((m) => ({ ...m, milestoneId: randomUUID() }));
    const texts: Omit<GoalTextsView, 'tenantId'> = {
      _id,
      goalId,
      title: draft.title,
      ...(draft.description ? { description: draft.description } : {}),
      milestoneTitles: Object.fromEntries(milestones.map((m) => [m.milestoneId, m.title])),
      progressNotes: [],
      revisionTexts: [],
    };
    const handled = await withTextFirst(
      { save: () => models.goalTexts.insertOne(texts), discard: () => models.goalTexts.deleteOne({ _id }) },
      () =>
        handleCommand(this.store, goalDecider, {
          tenantId,
          streamId: streams.goal(goalId),
          newStream: true,
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
        }),
    );
    const projected =
      (await this.goals.applyAppended(tenantId, goalId, handled.events, null)) ??
      (await written(models.goals.findOne({ _id })));
    const goal = await this.closer.closeIfEnded(tenantId, body.relationshipId, projected);
    return { goal, texts: { ...texts, tenantId } };
  }

  private async templateOf(
    principal: Principal,
    templateId: string,
    programId: string,
  ): Promise<TemplateDraft> {
    const models = this.readModels.forTenant(principal);
    const _id = documentId(principal.tenantId, templateId);
    const [template, texts] = await Promise.all([
      models.templates.findOne({ _id }),
      models.templateTexts.findOne({ _id }),
    ]);
    if (!template || !texts || template.programId !== programId) {
      throw new DomainError(
        'unknown-template',
        'No such goal template in this relationship’s program',
        'invalid',
      );
    }
    const { _id: _textsId, tenantId: _tenantId, ...suggested } = texts;
    return { ...suggested, category: template.category };
  }
}

function isParty(
  relationship: KnownRelationship | undefined,
  userId: string,
): relationship is KnownRelationship {
  return (
    relationship !== undefined && [...relationship.mentorIds, ...relationship.menteeIds].includes(userId)
  );
}

function draftOf(body: SetGoalBody, template: TemplateDraft | undefined): GoalDraft {
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
