import type { EventParseIssue } from '@tandem/events';

/** Another writer appended to the stream first; nothing was written. Maps to HTTP 409. */
export class ConcurrencyError extends Error {
  readonly code = 'concurrency-conflict';

  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | undefined,
  ) {
    super(
      `Stream ${streamId} is not at version ${expectedVersion}` +
        (actualVersion === undefined ? ' (another append won)' : ` (it is at ${actualVersion})`),
    );
    this.name = 'ConcurrencyError';
  }
}

/** An event failed its schema before anything was written. */
export class InvalidEventError extends Error {
  readonly code = 'invalid-event';

  constructor(
    readonly eventType: string,
    readonly issues: readonly EventParseIssue[],
    message: string,
  ) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/** A stored event no longer parses: a bug or a schema changed in place. */
export class CorruptEventError extends Error {
  readonly code = 'corrupt-event';

  constructor(message: string) {
    super(message);
    this.name = 'CorruptEventError';
  }
}
