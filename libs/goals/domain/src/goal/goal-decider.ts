import { wholeDaysBetween } from '../shared/days';
import { DomainError, type Decider } from '@tandem/kernel';
import type { GoalCommand, GoalRevision } from './goal-commands';
import { evolveGoal, type GoalEvent } from './goal-evolve';
import { requireFutureDate, requireMeasurable } from './goal-rules';
import type { GoalState, OpenGoal } from './goal-state';
import { decideSet } from './set-goal';

type Command<T extends GoalCommand['type']> = Extract<GoalCommand, { type: T }>;

export const goalDecider: Decider<GoalCommand, GoalEvent, GoalState> = {
  initialState: (): GoalState => ({ status: 'none' }),
  evolve: evolveGoal,

  decide(command: GoalCommand, state: GoalState): GoalEvent[] {
    if (command.type === 'set') return decideSet(command, state);
    if (state.status === 'none') throw new DomainError('goal-not-found', 'Goal not found', 'not-found');
    // Ending a relationship closes only what is still open; repeating it changes nothing.
    if (command.type === 'close-with-relationship') {
      return state.status === 'open'
        ? [
            {
              type: 'goals.goal.closed',
              data: { ...refOf(state), reason: 'relationship-ended', closedAt: command.now },
            },
          ]
        : [];
    }
    if (state.status !== 'open') {
      throw new DomainError('goal-not-open', `The goal is ${state.status}; it can no longer change`);
    }
    switch (command.type) {
      case 'revise':
        return [decideRevise(command, state)];
      case 'add-milestone':
        if (state.milestones.some((m) => m.milestoneId === command.milestoneId)) {
          throw new DomainError('milestone-exists', 'That milestone already exists');
        }
        return [
          {
            type: 'goals.goal.milestone-added',
            data: {
              ...refOf(state),
              milestoneId: command.milestoneId,
              ...(command.dueDate ? { dueDate: command.dueDate } : {}),
            },
          },
        ];
      case 'complete-milestone':
        return [decideCompleteMilestone(command, state)];
      case 'record-progress':
        return [decideProgress(command, state)];
      case 'complete':
        return [decideComplete(command, state)];
      case 'abandon':
        return [
          {
            type: 'goals.goal.abandoned',
            data: { ...refOf(state), abandonedBy: command.by, reason: command.reason },
          },
        ];
      default: {
        const exhaustive: never = command;
        return exhaustive;
      }
    }
  },
};

const refOf = (goal: OpenGoal) => ({
  goalId: goal.goalId,
  relationshipId: goal.relationshipId,
  programId: goal.programId,
});

function decideRevise(command: Command<'revise'>, state: OpenGoal): GoalEvent {
  const { changes } = command;
  const changedFields = changedFieldsOf(changes);
  if (changedFields.length === 0)
    throw new DomainError('nothing-to-revise', 'A revision must change something', 'invalid');
  if (changes.targetDate) requireFutureDate(changes.targetDate, command.now);
  if (changes.measure) requireMeasurable(changes.measure);
  return {
    type: 'goals.goal.revised',
    data: {
      ...refOf(state),
      revisedBy: command.by,
      reason: command.reason,
      changedFields,
      revisedAt: command.now,
      ...(changes.targetDate ? { targetDate: changes.targetDate } : {}),
      ...(changes.measure ? { measure: changes.measure } : {}),
      ...(changes.horizon ? { horizon: changes.horizon } : {}),
      ...(changes.category ? { category: changes.category } : {}),
    },
  };
}

function changedFieldsOf(changes: GoalRevision): string[] {
  const named: [keyof GoalRevision, string][] = [
    ['targetDate', 'target-date'],
    ['measure', 'measure'],
    ['horizon', 'horizon'],
    ['category', 'category'],
  ];
  return [
    ...named.filter(([key]) => changes[key] !== undefined).map(([, code]) => code),
    ...(changes.textFields ?? []),
  ];
}

function decideCompleteMilestone(command: Command<'complete-milestone'>, state: OpenGoal): GoalEvent {
  const milestone = state.milestones.find((m) => m.milestoneId === command.milestoneId);
  if (!milestone) throw new DomainError('milestone-not-found', 'Milestone not found', 'not-found');
  if (milestone.completedAt)
    throw new DomainError('milestone-completed', 'That milestone is already completed');
  return {
    type: 'goals.goal.milestone-completed',
    data: {
      ...refOf(state),
      milestoneId: command.milestoneId,
      completedBy: command.by,
      completedAt: command.now,
    },
  };
}

/** A metric goal takes the measured value (its percentage follows); a milestone goal a percentage. */
function decideProgress(command: Command<'record-progress'>, state: OpenGoal): GoalEvent {
  const { measure } = state;
  const base = { ...refOf(state), recordedBy: command.by, recordedAt: command.now };
  if (command.value !== undefined) {
    if (measure.kind !== 'metric') {
      throw new DomainError(
        'value-needs-metric',
        'This goal is measured by milestones: record a percentage',
        'invalid',
      );
    }
    const fraction = (command.value - measure.baseline) / (measure.target - measure.baseline);
    const progress = Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 10;
    return { type: 'goals.goal.progress-recorded', data: { ...base, progress, value: command.value } };
  }
  if (command.percent === undefined)
    throw new DomainError('progress-missing', 'Record a value or a percentage', 'invalid');
  return { type: 'goals.goal.progress-recorded', data: { ...base, progress: command.percent } };
}

function decideComplete(command: Command<'complete'>, state: OpenGoal): GoalEvent {
  const done = state.milestones.filter((m) => m.completedAt).length;
  return {
    type: 'goals.goal.completed',
    data: {
      ...refOf(state),
      completedBy: command.by,
      completedAt: command.now,
      ...(state.setAt ? { daysTaken: wholeDaysBetween(state.setAt, command.now) } : {}),
      milestonesCompleted: done,
      milestonesTotal: state.milestones.length,
    },
  };
}
