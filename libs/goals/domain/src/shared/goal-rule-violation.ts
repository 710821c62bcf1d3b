/**
 * A goals rule refused a command, so nothing is written. `kind` says how the HTTP layer answers
 * (invalid → 400, forbidden → 403, not-found → 404, conflict → 409) without the domain knowing HTTP.
 */
export type GoalRuleKind = 'conflict' | 'not-found' | 'forbidden' | 'invalid';

export class GoalRuleViolation extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: GoalRuleKind = 'conflict',
  ) {
    super(message);
    this.name = 'GoalRuleViolation';
  }
}
