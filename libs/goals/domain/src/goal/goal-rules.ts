import { dayOf } from '../shared/days';
import { DomainError } from '@tandem/kernel';
import type { GoalMeasure } from './goal-state';

// Rules shared by setting and revising a goal.

/** A metric must have somewhere to go. */
export function requireMeasurable(measure: GoalMeasure): void {
  if (measure.kind === 'metric' && measure.target === measure.baseline) {
    throw new DomainError('target-equals-baseline', 'The target must differ from the baseline', 'invalid');
  }
}

export function requireFutureDate(targetDate: string, now: string): void {
  if (targetDate < dayOf(now))
    throw new DomainError('due-date-in-past', 'The due date is in the past', 'invalid');
}
