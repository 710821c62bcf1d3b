import type { MentorSuggestion } from '@tandem/matching-domain';
import { z } from 'zod';
import { criterionScoreSchema, type Sent } from '../match-run-response';

const participantId = (description: string) =>
  z.string().meta({ description, examples: ['3b1f7c52-8a0e-4d6b-9c2f-5e7a1d0b4c68'] });

/**
 * The best `limit` mentors for a mentee, best first: a ranking computed per request, not a list to page
 * through (a popular mentor only fills a short list, so a second page would defeat that spreading).
 */
export const suggestionsResponseSchema = z.object({
  menteeId: participantId('Participant id of the mentee the suggestions are for'),
  items: z
    .array(
      z.object({
        mentorId: participantId('Participant id of the mentor'),
        score: z.number().describe('0–100'),
        breakdown: z.array(criterionScoreSchema).describe('How each criterion scored, explained'),
      }),
    )
    .describe(
      'At most `limit`, highest score first; mentors with more places than pending proposals come first',
    ),
});
export type SuggestionsResponse = z.output<typeof suggestionsResponseSchema>;

export function suggestionsResponse(
  menteeId: string,
  suggestions: readonly MentorSuggestion[],
): Sent<SuggestionsResponse> {
  return { menteeId, items: suggestions };
}
