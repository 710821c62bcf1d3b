import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import type { GoalCommand } from '@tandem/goals-domain';
import { AggregateStore } from '../../infrastructure/aggregate-store';
import { Clock } from '../../infrastructure/clock';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import type { GoalView } from '../../infrastructure/views';
import { GoalAccess, type VisibleGoal } from '../goal-access';
import type { ReviseGoalBody } from '../goal-schemas';
import { textsOf } from './goal-texts';

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
  readonly goal: GoalView;
  readonly visible: VisibleGoal;
}

@CommandHandler(ActOnGoal)
export class ActOnGoalHandler implements ICommandHandler<ActOnGoal, ActedGoal> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly readModels: ReadModels,
    private readonly access: GoalAccess,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, goalId, action, expectedVersion }: ActOnGoal): Promise<ActedGoal> {
    const visible = await this.access.writable(principal, goalId);
    const now = this.clock.now();
    const milestoneId = action.type === 'add-milestone' ? randomUUID() : undefined;
    const command = commandOf(action, principal.userId, now, milestoneId);
    await this.aggregates.execute('goal', {
      tenantId: principal.tenantId,
      id: goalId,
      command,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
    const goals = this.readModels.forTenant(principal).goals;
    const _id = documentId(principal.tenantId, goalId);
    const appended = await written(goals.findOne({ _id }));
    // Free text never goes into events: it is kept beside the goal once the event is appended.
    const texts = textsOf(action, {
      before: visible.goal,
      after: appended,
      by: principal.userId,
      now,
      milestoneId,
    });
    if (texts) await goals.updateOne({ _id }, { $set: texts });
    return { goal: texts ? await written(goals.findOne({ _id })) : appended, visible };
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
