/**
 * How a refused command or query is answered, without the domain knowing HTTP: the runtime's one
 * error filter maps invalid → 400, forbidden → 403, not-found → 404, conflict → 409.
 */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not-found' | 'conflict';

/** A business rule refused a command; nothing was written. `code` is stable and documented. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
