import { pageOf, pageQuery } from '@tandem/auth';
import type { EventEnvelope } from '@tandem/events';
import { z } from 'zod';

export const historyEntrySchema = z.object({
  version: z.number().int().describe("The stream version this change made (the resource's ETag after it)"),
  type: z
    .string()
    .meta({ description: 'What happened: the event type', examples: ['matching.program.updated'] }),
  at: z.string().meta({ description: 'When it was recorded', examples: ['2027-03-01T09:30:00.000Z'] }),
  by: z
    .string()
    .nullable()
    .describe('User id of who did it; null for what the service did by itself (expiry, a sweep)'),
  changes: z.record(z.string(), z.unknown()).meta({
    description: "What the event records beyond the resource's ids: new settings, weights, rules, a reason",
    examples: [{ changes: { minimumScore: 60, criteriaWeights: { skills: 70, languages: 30 } } }],
  }),
});
export type HistoryEntry = z.output<typeof historyEntrySchema>;
export const historyPageSchema = pageOf(historyEntrySchema);
export const historyQuery = z.strictObject({ ...pageQuery(500, 100) });
export type HistoryQuery = z.output<typeof historyQuery>;

/** Identifiers every event of the stream repeats: the entry names its resource already. */
const REPEATED = new Set(['programId', 'relationshipId', 'by']);

/**
 * One event as an admin reads it in a history. Events carry ids and codes only, so the entry holds
 * no names or free text: names and descriptions changed show as the fact that they changed.
 */
export function historyEntryOf(event: EventEnvelope): HistoryEntry {
  const data = event.data as Record<string, unknown>;
  const by =
    typeof data['by'] === 'string'
      ? data['by']
      : typeof data['participantId'] === 'string' && event.type === 'matching.relationship.declined'
        ? data['participantId']
        : null;
  return {
    version: event.metadata.streamVersion,
    type: event.type,
    at: event.metadata.time,
    by,
    changes: Object.fromEntries(Object.entries(data).filter(([key]) => !REPEATED.has(key))),
  };
}
