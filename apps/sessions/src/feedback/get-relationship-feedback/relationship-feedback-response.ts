import { pageOf, pageQuery } from '@tandem/auth';
import type { FeedbackAsSeen, VisibleFeedback } from '@tandem/sessions-domain';
import { z } from 'zod';

export const relationshipFeedbackQuery = z.strictObject({ ...pageQuery(200, 50) });
export type RelationshipFeedbackQuery = z.infer<typeof relationshipFeedbackQuery>;

const rating = z.number().int().min(1).max(5);
const aggregate = z.object({
  count: z.number().int().min(1),
  average: z.number().min(1).max(5).describe('Mean rating, two decimals'),
});

const feedbackItem = z.object({
  sessionId: z.string(),
  heldAt: z.string().meta({ examples: ['2027-03-01T10:00:00.000Z'] }),
  participantId: z.string().describe('Who gave it'),
  rating: rating.describe('Their rating of the session'),
  helpful: z.boolean(),
  mentorRating: rating.optional().describe('Their rating of the mentor: shown to its author only'),
  menteeRatings: z
    .array(z.object({ menteeId: z.string(), rating }))
    .optional()
    .describe('A mentor’s ratings of mentees: shown to its author only'),
  comment: z.string().optional().describe('Present when the caller may read it'),
  commentVisibility: z.enum(['private', 'private-with-admins', 'shared']).optional(),
});

/** A relationship's session feedback as the caller may read it (oldest session first), with admins' aggregates. */
export const relationshipFeedbackSchema = pageOf(feedbackItem).extend({
  relationshipId: z.string(),
  aboutMentor: aggregate
    .nullable()
    .describe('The mentees’ ratings of their mentor, in aggregate: for the program’s admins only'),
  aboutMentees: z
    .array(aggregate.extend({ menteeId: z.string() }))
    .describe('The mentors’ ratings of each mentee, in aggregate: for the program’s admins only'),
});
export type RelationshipFeedbackResponse = z.output<typeof relationshipFeedbackSchema>;

export function relationshipFeedbackResponse(
  relationshipId: string,
  seen: FeedbackAsSeen,
  page: { readonly items: readonly VisibleFeedback[]; readonly nextCursor?: string },
): RelationshipFeedbackResponse {
  return {
    relationshipId,
    items: page.items.map(({ menteeRatings, ...item }) => ({
      ...item,
      ...(menteeRatings ? { menteeRatings: menteeRatings.map((r) => ({ ...r })) } : {}),
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    aboutMentor: seen.aboutMentor,
    aboutMentees: [...seen.aboutMentees],
  };
}
