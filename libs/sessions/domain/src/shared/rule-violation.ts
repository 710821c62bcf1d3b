/** How the HTTP layer should answer a refused command (conflict 409, not-found 404, forbidden 403, invalid 400). */
export type RuleViolationKind = 'conflict' | 'not-found' | 'forbidden' | 'invalid';

/**
 * A sessions business rule refused a command; nothing was written. The stable `code` names the
 * rule for clients; `kind` lets the runtime's error filter pick the status without the domain
 * knowing HTTP.
 */
export class SessionRuleViolation extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: RuleViolationKind = 'conflict',
  ) {
    super(message);
    this.name = 'SessionRuleViolation';
  }
}
