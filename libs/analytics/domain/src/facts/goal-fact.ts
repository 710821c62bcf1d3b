import type { GoalFact } from './fact-types';
import type { RecordedEvent } from './recorded-event';

export const initialGoalFact = (goalId: string, programId: string, relationshipId = ''): GoalFact => ({
  kind: 'goal',
  goalId,
  relationshipId,
  programId,
  status: 'open',
  setAt: null,
  targetDate: null,
  completedAt: null,
  milestonesCompleted: [],
});

export function evolveGoalFact(fact: GoalFact, event: RecordedEvent): GoalFact {
  switch (event.type) {
    case 'goals.goal.set':
      return {
        ...fact,
        relationshipId: event.data.relationshipId,
        // Goals set before version 2 do not say when: the event's time stands in.
        setAt: event.data.setAt ?? event.at,
        targetDate: event.data.targetDate,
      };
    case 'goals.goal.revised':
      return { ...fact, targetDate: event.data.targetDate ?? fact.targetDate };
    case 'goals.goal.milestone-completed':
      return {
        ...fact,
        milestonesCompleted: [
          ...fact.milestonesCompleted,
          { milestoneId: event.data.milestoneId, at: event.data.completedAt },
        ],
      };
    case 'goals.goal.completed':
      return { ...fact, status: 'completed', completedAt: event.data.completedAt };
    case 'goals.goal.abandoned':
      return { ...fact, status: 'abandoned' };
    case 'goals.goal.closed':
      return { ...fact, status: fact.status === 'open' ? 'closed' : fact.status };
    default:
      return fact;
  }
}
