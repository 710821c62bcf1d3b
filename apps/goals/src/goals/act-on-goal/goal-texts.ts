import type { GoalView, ProgressNote, RevisionEntry } from '../../infrastructure/views';
import type { ReviseGoalBody } from '../goal-schemas';
import type { GoalAction } from './act-on-goal.handler';

// The free text an action keeps beside the goal (never in events).

export interface TextContext {
  readonly before: GoalView;
  readonly after: GoalView;
  readonly by: string;
  readonly now: string;
  readonly milestoneId?: string;
}

/** The free-text fields an action writes beside the goal, if any. */
export function textsOf(
  action: GoalAction,
  { before, after, by, now, milestoneId }: TextContext,
): Record<string, unknown> | undefined {
  switch (action.type) {
    case 'add-milestone':
      return milestoneId ? { [`milestoneTitles.${milestoneId}`]: action.title } : undefined;
    case 'record-progress': {
      const note: ProgressNote = {
        recordedAt: now,
        recordedBy: by,
        progress: after.progress,
        ...(action.value === undefined ? {} : { value: action.value }),
        ...(action.note ? { note: action.note } : {}),
      };
      return { progressNotes: [...(before.progressNotes ?? []), note] };
    }
    case 'revise':
      return revisionTexts(action, before, by, now);
    case 'complete-milestone':
    case 'complete':
    case 'abandon':
      return undefined;
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}

/** The revision joins the history with the wording it replaced, so no text is lost. */
function revisionTexts(
  action: ReviseGoalBody,
  before: GoalView,
  by: string,
  now: string,
): Record<string, unknown> {
  const entry: RevisionEntry = {
    revisedAt: now,
    revisedBy: by,
    reason: action.reason,
    changedFields: changedFieldsOf(action),
    ...(action.comment ? { comment: action.comment } : {}),
    previous: {
      ...(action.title ? { title: before.title } : {}),
      ...(action.description ? { description: before.description } : {}),
    },
  };
  return {
    revisionHistory: [...(before.revisionHistory ?? []), entry],
    ...(action.title ? { title: action.title } : {}),
    ...(action.description ? { description: action.description } : {}),
  };
}

const changedFieldsOf = (action: ReviseGoalBody): string[] =>
  (['title', 'description', 'measure', 'relevance', 'dueDate', 'horizon'] as const).filter(
    (field) => action[field] !== undefined,
  );
