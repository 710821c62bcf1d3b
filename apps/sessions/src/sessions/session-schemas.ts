import { includePeopleField } from '@tandem/runtime';
import { pageQuery } from '@tandem/auth';
import { z } from 'zod';

/** Ids in bodies and query strings: plain ids only, so nothing like {"$ne":null} reaches a query. */
export const idField = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_:-]{0,99}$/, 'must be an id (letters, digits, _ : -)');
const code = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case code like "schedule-conflict"');
const instant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);

export const agendaItemBody = z.strictObject({ text: text(500), goalId: idField.optional() });

export const scheduleSessionBody = z.strictObject({
  relationshipId: idField,
  startsAt: instant,
  durationMinutes: z.number().int().min(5).max(480),
  format: z.enum(['video', 'in-person', 'call', 'chat']),
  kind: z.enum(['meeting', 'check-in']).default('meeting'),
  /** A room, an address or a meeting link: free text, kept in this service only. */
  location: text(500).optional(),
  agenda: z.array(agendaItemBody).max(30).default([]),
});
export type ScheduleSessionBody = z.infer<typeof scheduleSessionBody>;

export const listSessionsQuery = z.strictObject({
  relationshipId: idField.optional(),
  participantId: idField.optional(),
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
  ...pageQuery(500, 100),
  ...includePeopleField,
});
export type ListSessionsQuery = z.infer<typeof listSessionsQuery>;

export const rescheduleBody = z.strictObject({
  startsAt: instant,
  durationMinutes: z.number().int().min(5).max(480).optional(),
});
export const cancelBody = z.strictObject({ reason: code });
export const heldBody = z.strictObject({
  attendeeIds: z.array(idField).min(1).max(50),
  actualDurationMinutes: z.number().int().min(1).max(480),
});
export const noShowBody = z.strictObject({ absentIds: z.array(idField).min(1).max(50) });
export const feedbackBody = z.strictObject({
  rating: z.number().int().min(1).max(5),
  /** Did the session help? Defaults to a rating of 4 or 5. */
  helpful: z.boolean().optional(),
  /** A mentee's rating of their mentor, besides the session's. */
  mentorRating: z.number().int().min(1).max(5).optional(),
  /** A mentor's rating of each mentee they rate. */
  menteeRatings: z
    .array(z.strictObject({ menteeId: idField, rating: z.number().int().min(1).max(5) }))
    .min(1)
    .max(50)
    .optional(),
  comment: text(4000).optional(),
  /** Who reads the comment besides its author: nobody (default), the program's admins, or every party and admin. */
  commentVisibility: z.enum(['private', 'private-with-admins', 'shared']).default('private'),
});
export const actionItemBody = z.strictObject({
  text: text(1000),
  assigneeId: idField,
  dueOn: z.iso.date().optional(),
});
export const noteBody = z.strictObject({ text: text(20_000), visibility: z.enum(['shared', 'private']) });
export const emptyBody = z.strictObject({});
export const openActionItemsQuery = z.strictObject({
  assigneeId: idField.optional(),
  ...pageQuery(200, 100),
});
export const listNotesQuery = z.strictObject({ ...pageQuery(100, 50) });
