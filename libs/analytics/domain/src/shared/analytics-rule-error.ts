/** How a refused request is answered: the runtime's error filter maps `kind` to an HTTP status. */
export type AnalyticsRuleKind = 'conflict' | 'not-found' | 'forbidden' | 'invalid';

/** A request analytics cannot answer, with a stable code (e.g. `unknown-measure`). */
export class AnalyticsRuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: AnalyticsRuleKind,
  ) {
    super(message);
    this.name = 'AnalyticsRuleError';
  }
}
