import { z } from 'zod';
import { defineEvent } from '../define-event';
import { code, day, erasureRef, id, instant, rating, relationshipRef } from './fields';

const sessionRef = { sessionId: id, ...relationshipRef };
const kind = z.enum(['meeting', 'check-in']);

const sessionScheduledV1 = z.strictObject({
  ...sessionRef,
  scheduledBy: id,
  kind,
  startsAt: instant,
  durationMinutes: z.number().int().min(5).max(480),
});
/** Version 2 adds how the session is held; absent for sessions scheduled before it was recorded. */
export const sessionScheduled = defineEvent(
  'sessions.session.scheduled',
  {
    version: 2,
    schema: sessionScheduledV1.extend({ format: z.enum(['video', 'in-person', 'call', 'chat']).optional() }),
  },
  [{ version: 1, schema: sessionScheduledV1, upcast: (data: z.infer<typeof sessionScheduledV1>) => data }],
);
export const sessionRescheduled = defineEvent('sessions.session.rescheduled', {
  version: 1,
  schema: z.strictObject({
    ...sessionRef,
    rescheduledBy: id,
    startsAt: instant,
    durationMinutes: z.number().int().min(5).max(480),
  }),
});
export const sessionCancelled = defineEvent('sessions.session.cancelled', {
  version: 1,
  schema: z.strictObject({ ...sessionRef, cancelledBy: id, reason: code }),
});
export const sessionHeld = defineEvent('sessions.session.held', {
  version: 1,
  schema: z.strictObject({
    ...sessionRef,
    kind,
    heldAt: instant,
    durationMinutes: z.number().int().min(1).max(480),
    attendeeIds: z.array(id).min(1),
  }),
});
export const sessionNoShow = defineEvent('sessions.session.no-show', {
  version: 1,
  schema: z.strictObject({ ...sessionRef, absentParticipantIds: z.array(id).min(1), recordedBy: id }),
});
const feedbackSubmittedV1 = z.strictObject({
  ...sessionRef,
  participantId: id,
  rating,
  helpful: z.boolean(),
});
const feedbackSubmittedV2 = feedbackSubmittedV1.extend({ mentorRating: rating.optional() });
/**
 * Version 2 adds a mentee's rating of their mentor (feedback goes both ways); version 3 a mentor's
 * ratings of mentees, one per rated mentee. Comments and their visibility stay in the service.
 */
export const sessionFeedbackSubmitted = defineEvent(
  'sessions.session.feedback-submitted',
  {
    version: 3,
    schema: feedbackSubmittedV2.extend({
      menteeRatings: z
        .array(z.strictObject({ menteeId: id, rating }))
        .min(1)
        .max(50)
        .optional(),
    }),
  },
  [
    { version: 1, schema: feedbackSubmittedV1, upcast: (data: z.infer<typeof feedbackSubmittedV1>) => data },
    { version: 2, schema: feedbackSubmittedV2, upcast: (data: z.infer<typeof feedbackSubmittedV2>) => data },
  ],
);
export const actionItemAssigned = defineEvent('sessions.action-item.assigned', {
  version: 1,
  schema: z.strictObject({ actionItemId: id, ...sessionRef, assigneeId: id, dueOn: day.optional() }),
});
export const actionItemCompleted = defineEvent('sessions.action-item.completed', {
  version: 1,
  schema: z.strictObject({ actionItemId: id, ...sessionRef, completedBy: id, completedAt: instant }),
});
export const relationshipCheckInOverdue = defineEvent('sessions.relationship.check-in-overdue', {
  version: 1,
  schema: z.strictObject({ ...relationshipRef, lastSessionAt: instant.optional(), expectedBy: instant }),
});

/** The sessions service erased its part of a person's data for an erasure request (matching.person.erasure-requested). */
export const personErased = defineEvent('sessions.person.erased', {
  version: 1,
  schema: z.strictObject({ ...erasureRef, erasedAt: instant }),
});

export const sessionsEvents = [
  personErased,
  sessionScheduled,
  sessionRescheduled,
  sessionCancelled,
  sessionHeld,
  sessionNoShow,
  sessionFeedbackSubmitted,
  actionItemAssigned,
  actionItemCompleted,
  relationshipCheckInOverdue,
] as const;
