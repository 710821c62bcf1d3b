import { Injectable } from '@nestjs/common';
import type { EventData } from '@tandem/events';
import { ConcurrencyError, EventStore } from '@tandem/eventstore';
import { IdempotencyRecords } from '../idempotency/idempotency-records';

/** The stream on which each service reports its part of one erasure request (one event each). */
export const erasureStream = (requestId: string): string => `erasure-${requestId}`;

export type PersonErasedType =
  'matching.person.erased' | 'goals.person.erased' | 'sessions.person.erased' | 'analytics.person.erased';

export interface ErasureOf {
  readonly tenantId: string;
  readonly requestId: string;
  readonly userId: string;
}

/**
 * The steps every service's part of an erasure shares. In order, so that a crash anywhere is
 * repaired by redelivery: read the person's texts, `shredStoredAnswers` (while the texts can still
 * be found), erase the service's own collections, `report`.
 */
@Injectable()
export class ErasureReport {
  constructor(
    private readonly store: EventStore,
    private readonly records: IdempotencyRecords,
  ) {}

  /** Stored answers of idempotent requests that were the person's or quote any of their texts. */
  shredStoredAnswers(erasure: ErasureOf, texts: readonly string[]): Promise<number> {
    return this.records.shredOutcomes(erasure.tenantId, erasure.userId, texts);
  }

  /** Appends the service's `<context>.person.erased` once; a redelivered request finds it there. */
  async report(erasure: ErasureOf, type: PersonErasedType, now: Date): Promise<void> {
    const { tenantId, requestId, userId } = erasure;
    const data: EventData<PersonErasedType> = { requestId, userId, erasedAt: now.toISOString() };
    try {
      await this.store.append(tenantId, erasureStream(requestId), 0, [{ type, data }]);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
}
