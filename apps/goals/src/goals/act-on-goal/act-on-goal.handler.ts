import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand, withTextFirst } from '@tandem/eventstore';
import { goalDecider, type GoalCommand } from '@tandem/goals-domain';
import { Clock } from '../../infrastructure/clock';
import {
  documentId,
  ReadModels,
  written,
  type StoredGoalView,
} from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { GoalTextsView } from '../../infrastructure/views';
import { GoalViewProjection } from '../../read-models/goal-view/goal-view-projection';
import { GoalAccess, type VisibleGoal } from '../goal-access';
import type { ReviseGoalBody } from '../goal-schemas';
import { textWriteOf } from './goal-texts';

/** What a party asked for, already validated; the actor and the time come from the token and the clock. */
export type GoalAction =
  | ({ readonly type: 'revise' } & ReviseGoalBody)
  | { readonly type: 'add-milestone'; readonly title: string; readonly dueDate?: string }
  | { readonly type: 'complete-milestone'; readonly milestoneId: string }
  | {
      readonly type: 'record-progress';
      readonly value?: number;
      readonly percent?: number;
      readonly note?: string;
    }
  | { readonly type: 'complete' }
  | { readonly type: 'abandon'; readonly reason: string };

export class ActOnGoal {
  constructor(
    readonly principal: Principal,
    readonly goalId: string,
    readonly action: GoalAction,
    readonly expectedVersion?: number,
  ) {}
}

export interface ActedGoal {
  readonly goal: StoredGoalView;
  readonly texts: GoalTextsView | null;
  readonly visible: VisibleGoal;
}

/**
 * Runs a party's action on a goal: its text (if any) first, then the event, then the read model.
 * The goal and texts read for the access check are reused for the projection and the response.
 */
@CommandHandler(ActOnGoal)
export class ActOnGoalHandler implements ICommandHandler<ActOnGoal, ActedGoal> {
  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly goals: GoalViewProjection,
    private readonly access: GoalAccess,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, goalId, action, expectedVersion }: ActOnGoal): Promise<ActedGoal> {
    const visible = await this.access.writable(principal, goalId);
    const { tenantId, userId } = principal;
    const models = this.readModels.forTenant(principal);
    const _id = documentId(tenantId, goalId);
    const now = this.clock.now();
    const milestoneId = action.type === 'add-milestone' ? randomUUID() : undefined;
    const text = textWriteOf(action, { models, documentId: _id, by: userId, now, milestoneId });
    // A save answers the texts as it left them: the response needs no second read.
    let texts = visible.texts;
    const keepingSaved = text && { ...text, save: async () => (texts = await text.save()) };
    const handled = await withTextFirst(keepingSaved, () =>
      handleCommand(this.store, goalDecider, {
        tenantId,
        streamId: streams.goal(goalId),
        command: commandOf(action, userId, now, milestoneId),
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      }),
    );
    const goal =
      (await this.goals.applyAppended(tenantId, goalId, handled.events, visible.goal)) ??
      (await written(models.goals.findOne({ _id })));
    // Events of other commands projected with ours may point to text saved after ours was read.
    if (goal.version !== visible.goal.version + handled.events.length)
      texts = await models.goalTexts.findOne({ _id });
    return { goal, texts, visible };
  }
}

function commandOf(
  action: GoalAction,
  by: string,
  now: string,
  milestoneId: string | undefined,
): GoalCommand {
  switch (action.type) {
    case 'revise': {
      const textFields = (['title', 'description'] as const).filter((field) => action[field] !== undefined);
      const changes = {
        ...(action.dueDate ? { targetDate: action.dueDate } : {}),
        ...(action.measure ? { measure: action.measure } : {}),
        ...(action.horizon ? { horizon: action.horizon } : {}),
        ...(action.relevance ? { category: action.relevance } : {}),
        textFields,
      };
      return { type: 'revise', by, reason: action.reason, changes, now };
    }
    case 'add-milestone':
      return {
        type: 'add-milestone',
        by,
        milestoneId: milestoneId ?? randomUUID(),
        now,
        ...(action.dueDate ? { dueDate: action.dueDate } : {}),
      };
    case 'complete-milestone':
      return { type: 'complete-milestone', by, milestoneId: action.milestoneId, now };
    case 'record-progress':
      return {
        type: 'record-progress',
        by,
        now,
        ...(action.value === undefined ? {} : { value: action.value }),
        ...(action.percent === undefined ? {} : { percent: action.percent }),
      };
    case 'complete':
      return { type: 'complete', by, now };
    case 'abandon':
      return { type: 'abandon', by, reason: action.reason };
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}
