import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tandem/events';

/** A progress event at `streamVersion` of `streamId` (tenant `acme`), for projection tests. */
export function progressEnvelope(streamId: string, streamVersion: number, progress: number): EventEnvelope {
  return {
    type: 'goals.goal.progress-recorded',
    version: 1,
    data: { goalId: streamId, relationshipId: 'r', programId: 'p', recordedBy: 'u', progress },
    metadata: {
      id: randomUUID(),
      source: '/tandem/goals',
      time: '2026-11-22T00:00:00Z',
      tenantId: 'acme',
      streamId,
      streamVersion,
    },
  } as EventEnvelope;
}
