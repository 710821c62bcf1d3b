/**
 * A business rule refused a command; nothing was written. `kind` tells the HTTP layer how to answer
 * (conflict → 409, not-found → 404, forbidden → 403, invalid → 400) without the domain knowing HTTP.
 */
export type RuleViolationKind = 'conflict' | 'not-found' | 'forbidden' | 'invalid';

export class RuleViolationError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: RuleViolationKind = 'conflict',
  ) {
    super(message);
    this.name = 'RuleViolationError';
  }
}
