import { z } from 'zod';
import type { StoredSessionView } from '../../infrastructure/read-models';
import type { HeardOfRelationship } from '../relationship-knowledge';
import { sessionResponseSchema, type SessionResponse } from '../../sessions/session-response';

/**
 * A report, not a list: the totals are over every session of the relationship, and the sessions come
 * with them. Lists to page through are at `GET /sessions?relationshipId=`.
 */
export const meetingHistoryResponseSchema = z
  .object({
    relationshipId: z.string().meta({ examples: ['r-1a2b3c4d'] }),
    relationshipStatus: z
      .enum(['proposed', 'active', 'paused', 'ended', 'declined', 'expired'])
      .meta({ examples: ['active'] }),
    totals: z.object({
      sessions: z.number().int(),
      scheduled: z.number().int(),
      held: z.number().int(),
      cancelled: z.number().int(),
      noShows: z.number().int(),
      heldMinutes: z.number().int().describe('Minutes of the held sessions, as recorded when held'),
      lastHeldAt: z
        .string()
        .nullable()
        .describe('When the last held session was held; null before the first')
        .meta({ examples: ['2030-01-15T10:30:00.000Z'] }),
    }),
    sessions: z.array(sessionResponseSchema).describe('Every session of the relationship, newest first'),
  })
  .describe("A relationship's meeting history");

export type MeetingHistoryResponse = z.output<typeof meetingHistoryResponseSchema>;

/** The report from every session of the relationship (`sessions`: their responses, newest first). */
export function meetingHistoryResponse(
  relationshipId: string,
  relationshipStatus: HeardOfRelationship['status'],
  views: readonly StoredSessionView[],
  sessions: SessionResponse[],
): MeetingHistoryResponse {
  const count = (status: string) => views.filter((s) => s.status === status).length;
  const held = views.filter((s) => s.status === 'held');
  return {
    relationshipId,
    relationshipStatus,
    totals: {
      sessions: views.length,
      scheduled: count('scheduled'),
      held: held.length,
      cancelled: count('cancelled'),
      noShows: count('no-show'),
      heldMinutes: held.reduce((sum, s) => sum + (s.actualDurationMinutes ?? 0), 0),
      lastHeldAt:
        held
          .flatMap((s) => (s.heldAt ? [s.heldAt] : []))
          .sort()
          .at(-1) ?? null,
    },
    sessions,
  };
}
