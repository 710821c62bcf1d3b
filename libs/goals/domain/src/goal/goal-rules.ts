import { dayOf } from '../shared/days';
import { GoalRuleViolation } from '../shared/goal-rule-violation';
import type { GoalMeasure } from './goal-state';

// Rules shared by setting and revising a goal.

/** A metric must have somewhere to go. */
export function requireMeasurable(measure: GoalMeasure): void {
  if (measure.kind === 'metric' && measure.target === measure.baseline) {
    throw new GoalRuleViolation(
      'target-equals-baseline',
      'The target must differ from the baseline',
      'invalid',
    );
  }
}

export function requireFutureDate(targetDate: string, now: string): void {
  if (targetDate < dayOf(now))
    throw new GoalRuleViolation('due-date-in-past', 'The due date is in the past', 'invalid');
}
