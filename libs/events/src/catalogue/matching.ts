import { z } from 'zod';
import { defineEvent } from '../define-event';
import { code, day, id, instant, programRef, rating, relationshipRef } from './fields';

const programType = z.enum(['one-to-one', 'group', 'reverse', 'peer']);
const matchingMode = z.enum(['admin-bulk', 'self-select', 'hybrid']);
const role = z.enum(['mentor', 'mentee']);

/** Program settings that analytics and the audit trail need; descriptions stay in the service. */
const programSettings = z.strictObject({
  matchingMode,
  mentorsPerMentee: z.number().int().min(1).max(3),
  defaultMentorCapacity: z.number().int().min(1),
  maxGroupSize: z.number().int().min(2).optional(),
  minimumScore: z.number().min(0).max(100),
  criteriaWeights: z.record(code, z.number().min(0)),
  sessionsPerMonth: z.number().min(0),
  startsOn: day.optional(),
  endsOn: day.optional(),
});

const actor = { by: id };
const programFact = z.strictObject({ ...programRef, ...actor });
const relationshipFact = z.strictObject({ ...relationshipRef, ...actor });

export const programCreated = defineEvent('matching.program.created', {
  version: 1,
  schema: z.strictObject({ ...programRef, ...actor, programType, settings: programSettings }),
});
export const programUpdated = defineEvent('matching.program.updated', {
  version: 1,
  schema: z.strictObject({ ...programRef, ...actor, changes: programSettings.partial() }),
});
export const programEnrolmentOpened = defineEvent('matching.program.enrolment-opened', { version: 1, schema: programFact });
export const programEnrolmentClosed = defineEvent('matching.program.enrolment-closed', { version: 1, schema: programFact });
export const programLaunched = defineEvent('matching.program.launched', { version: 1, schema: programFact });
export const programClosed = defineEvent('matching.program.closed', { version: 1, schema: programFact });

/** Categorical facets for analytics dimensions (codes from the organisation's directory). */
const facets = z.strictObject({ department: code.optional(), level: code.optional(), location: code.optional() });

export const participantEnrolled = defineEvent('matching.participant.enrolled', {
  version: 1,
  schema: z.strictObject({
    ...programRef,
    participantId: id,
    userId: id,
    roles: z.array(role).min(1),
    capacity: z.number().int().min(0).optional(),
    facets,
  }),
});
export const participantProfileUpdated = defineEvent('matching.participant.profile-updated', {
  version: 1,
  schema: z.strictObject({ ...programRef, participantId: id, changedFields: z.array(code), facets }),
});
export const participantWithdrew = defineEvent('matching.participant.withdrew', {
  version: 1,
  schema: z.strictObject({ ...programRef, participantId: id, reason: code }),
});

export const matchRunCompleted = defineEvent('matching.match-run.completed', {
  version: 1,
  schema: z.strictObject({
    ...programRef,
    runId: id,
    proposedPairs: z.number().int().min(0),
    unmatchedMentees: z.number().int().min(0),
    totalScore: z.number().min(0),
    optimal: z.boolean(),
  }),
});
export const matchRunPublished = defineEvent('matching.match-run.published', {
  version: 1,
  schema: z.strictObject({ ...programRef, ...actor, runId: id, relationshipIds: z.array(id) }),
});

export const relationshipProposed = defineEvent('matching.relationship.proposed', {
  version: 1,
  schema: z.strictObject({
    ...relationshipRef,
    mentorIds: z.array(id).min(1),
    menteeIds: z.array(id).min(1),
    score: z.number().min(0).max(100),
    source: z.enum(['match-run', 'self-select', 'admin']),
    runId: id.optional(),
    expiresAt: instant,
  }),
});
export const relationshipAccepted = defineEvent('matching.relationship.accepted', {
  version: 1,
  schema: z.strictObject({ ...relationshipRef, participantId: id }),
});
export const relationshipDeclined = defineEvent('matching.relationship.declined', {
  version: 1,
  schema: z.strictObject({ ...relationshipRef, participantId: id, reason: code }),
});
export const relationshipExpired = defineEvent('matching.relationship.expired', {
  version: 1,
  schema: z.strictObject({ ...relationshipRef }),
});
export const relationshipStarted = defineEvent('matching.relationship.started', {
  version: 1,
  schema: z.strictObject({ ...relationshipRef, mentorIds: z.array(id).min(1), menteeIds: z.array(id).min(1), startedAt: instant }),
});
export const relationshipAgreementRecorded = defineEvent('matching.relationship.agreement-recorded', {
  version: 1,
  schema: z.strictObject({ ...relationshipRef, ...actor, sessionsPerMonth: z.number().min(0), agreedUntil: day.optional() }),
});
export const relationshipPaused = defineEvent('matching.relationship.paused', {
  version: 1,
  schema: z.strictObject({ ...relationshipRef, ...actor, reason: code }),
});
export const relationshipResumed = defineEvent('matching.relationship.resumed', { version: 1, schema: relationshipFact });
export const relationshipEnded = defineEvent('matching.relationship.ended', {
  version: 1,
  schema: z.strictObject({
    ...relationshipRef,
    ...actor,
    reason: z.enum(['completed', 'mismatch', 'participant-withdrew', 'program-closed', 'other']),
  }),
});
export const relationshipRematchRequested = defineEvent('matching.relationship.rematch-requested', {
  version: 1,
  schema: z.strictObject({ ...relationshipRef, ...actor, reason: code }),
});
export const relationshipReflectionSubmitted = defineEvent('matching.relationship.reflection-submitted', {
  version: 1,
  schema: z.strictObject({ ...relationshipRef, participantId: id, rating }),
});

export const matchingEvents = [
  programCreated,
  programUpdated,
  programEnrolmentOpened,
  programEnrolmentClosed,
  programLaunched,
  programClosed,
  participantEnrolled,
  participantProfileUpdated,
  participantWithdrew,
  matchRunCompleted,
  matchRunPublished,
  relationshipProposed,
  relationshipAccepted,
  relationshipDeclined,
  relationshipExpired,
  relationshipStarted,
  relationshipAgreementRecorded,
  relationshipPaused,
  relationshipResumed,
  relationshipEnded,
  relationshipRematchRequested,
  relationshipReflectionSubmitted,
] as const;
