import type { TandemEvent } from '@tandem/events';
import type { GoalState } from './goal-state';

export type GoalEvent = Extract<TandemEvent, { type: `goals.goal.${string}` }>;

export function evolveGoal(state: GoalState, event: GoalEvent): GoalState {
  if (event.type === 'goals.goal.set') {
    const {
      goalId,
      relationshipId,
      programId,
      ownerId,
      templateId,
      category,
      measure,
      horizon,
      targetDate,
      setAt,
    } = event.data;
    return {
      status: 'open',
      goalId,
      relationshipId,
      programId,
      ownerId,
      measure,
      horizon,
      targetDate,
      ...(templateId ? { templateId } : {}),
      ...(category ? { category } : {}),
      ...(setAt ? { setAt } : {}),
      milestones: [],
      progress: 0,
      revisions: 0,
    };
  }
  // Only an open goal changes; a late or repeated event for a finished goal is ignored.
  if (state.status !== 'open') return state;
  switch (event.type) {
    case 'goals.goal.revised': {
      const { targetDate, measure, horizon, category } = event.data;
      return {
        ...state,
        revisions: state.revisions + 1,
        ...(targetDate ? { targetDate } : {}),
        ...(measure ? { measure } : {}),
        ...(horizon ? { horizon } : {}),
        ...(category ? { category } : {}),
      };
    }
    case 'goals.goal.milestone-added': {
      const { milestoneId, dueDate } = event.data;
      return {
        ...state,
        milestones: [...state.milestones, { milestoneId, ...(dueDate ? { dueDate } : {}) }],
      };
    }
    case 'goals.goal.milestone-completed': {
      const { milestoneId, completedBy, completedAt } = event.data;
      const milestones = state.milestones.map((m) =>
        m.milestoneId === milestoneId ? { ...m, completedBy, completedAt } : m,
      );
      return { ...state, milestones };
    }
    case 'goals.goal.progress-recorded': {
      const { progress, value } = event.data;
      return { ...state, progress, ...(value === undefined ? {} : { value }) };
    }
    case 'goals.goal.completed':
      return { ...state, status: 'completed', progress: 100, completedAt: event.data.completedAt };
    case 'goals.goal.abandoned':
      return { ...state, status: 'abandoned', abandonReason: event.data.reason };
    case 'goals.goal.closed':
      return { ...state, status: 'ended-with-relationship', closedAt: event.data.closedAt };
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}
