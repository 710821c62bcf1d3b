import { z } from 'zod';
import { agendaItemResponseSchema, sessionResponseSchema } from '../sessions/session-response';

// What the sessions service holds about one person (the right of access). Other people appear
// only as ids: their agenda items, notes, comments and ratings are left out or shown without text.

const rating = z.number().int().min(1).max(5);

const relationshipSchema = z.object({
  relationshipId: z.string(),
  programId: z.string(),
  role: z.enum(['mentor', 'mentee']),
  status: z.enum(['proposed', 'active', 'paused', 'ended', 'declined', 'expired']),
  mentorIds: z.array(z.string()),
  menteeIds: z.array(z.string()),
  activeSince: z.string().optional(),
  agreedSessionsPerMonth: z.number().optional(),
});

const sessionSchema = sessionResponseSchema
  .omit({ actionItems: true, agenda: true })
  .extend({
    agenda: z.array(
      agendaItemResponseSchema.extend({
        text: z.string().optional().describe('Only on the items the person added'),
      }),
    ),
  })
  .describe(
    'A session the person is invited to or added agenda items to; their action items are listed apart',
  );

const noteSchema = z.object({
  noteId: z.string(),
  sessionId: z.string(),
  relationshipId: z.string(),
  visibility: z.enum(['shared', 'private']),
  text: z.string(),
  createdAt: z.string(),
});

const feedbackSchema = z
  .object({
    sessionId: z.string(),
    relationshipId: z.string(),
    heldAt: z.string().optional(),
    rating: rating.optional().describe('Absent on feedback given before ratings were kept'),
    helpful: z.boolean().optional(),
    mentorRating: rating.optional().describe('Their rating of the mentor'),
    menteeRatings: z
      .array(z.object({ menteeId: z.string(), rating }))
      .optional()
      .describe('A mentor’s ratings of mentees'),
    comment: z.string().optional(),
    commentVisibility: z.enum(['private', 'private-with-admins', 'shared']).optional(),
  })
  .describe('Feedback the person gave on a held session');

const actionItemSchema = z
  .object({
    actionItemId: z.string(),
    sessionId: z.string(),
    relationshipId: z.string(),
    assigneeId: z.string(),
    text: z.string().optional().describe('Absent when the text was never saved'),
    dueOn: z.string().optional(),
    completedAt: z.string().optional(),
  })
  .describe('An action item assigned to the person');

const calendarFeedSchema = z
  .object({
    status: z.enum(['active', 'deactivated']),
    since: z.string().describe('When the current secret was issued, or the person deactivated'),
    roles: z.array(z.string()).describe('The roles the feed reads with'),
  })
  .describe('The person’s calendar feed; its secret is never stored, only its hash, which is not shown');

export const sessionsPersonalDataSchema = z
  .object({
    service: z.literal('sessions'),
    userId: z.string(),
    relationships: z.array(relationshipSchema).describe('Relationships the person is a mentor or mentee in'),
    administeredProgramIds: z.array(z.string()).describe('Programs that list the person as an admin'),
    sessions: z.array(sessionSchema),
    notes: z.array(noteSchema).describe('Notes the person wrote, shared and private'),
    feedback: z.array(feedbackSchema),
    actionItems: z.array(actionItemSchema),
    calendarFeed: calendarFeedSchema.nullable(),
  })
  .describe('Everything the sessions service holds about the person in the caller’s tenant');

export type SessionsPersonalData = z.output<typeof sessionsPersonalDataSchema>;
export type PersonalDataSession = z.output<typeof sessionSchema>;
export type PersonalDataRelationship = z.output<typeof relationshipSchema>;
export type PersonalDataFeedback = z.output<typeof feedbackSchema>;
export type PersonalDataActionItem = z.output<typeof actionItemSchema>;
export type PersonalDataCalendarFeed = z.output<typeof calendarFeedSchema>;
