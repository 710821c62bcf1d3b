import { z } from 'zod';
import { defineEvent } from '../define-event';
import { code, day, erasureRef, id, instant, programRef, rating, relationshipRef } from './fields';

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

const programCreatedV1 = z.strictObject({ ...programRef, ...actor, programType, settings: programSettings });
const programUpdatedV1 = z.strictObject({ ...programRef, ...actor, changes: programSettings.partial() });

/** Version 2 adds what matching needs to be auditable: hard rules, custom questions, acceptance, admins. */
const hardRules = z.strictObject({
  excludeSameDepartment: z.boolean(),
  excludeOwnManager: z.boolean(),
  excludePreviousPairs: z.boolean(),
  requireCommonLanguage: z.boolean(),
  maxTimezoneGapHours: z.number().min(0).max(26).optional(),
});
const customQuestion = z.discriminatedUnion('kind', [
  z.strictObject({ id: code, kind: z.literal('single-choice'), options: z.array(code).min(2) }),
  z.strictObject({ id: code, kind: z.literal('multi-choice'), options: z.array(code).min(2) }),
  z.strictObject({ id: code, kind: z.literal('number'), min: z.number(), max: z.number() }),
]);
/** A matching criterion: a built-in code (skills, languages…) or `question:<id>` for a custom question. */
const criterion = z
  .string()
  .regex(/^(question:)?[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a criterion code or question:<id>');
const programSettingsV2 = programSettings.extend({
  criteriaWeights: z.record(criterion, z.number().min(0)),
  hardRules,
  questions: z.array(customQuestion),
  acceptance: z.enum(['both-parties', 'admin-approval']),
  proposalTtlDays: z.number().int().min(1).max(365),
  adminIds: z.array(id).min(1),
});
/** What a v1 program implicitly had: the rules the service applied before they were settings. */
const v1Defaults = (by: string) => ({
  hardRules: {
    excludeSameDepartment: false,
    excludeOwnManager: true,
    excludePreviousPairs: true,
    requireCommonLanguage: true,
  },
  questions: [],
  acceptance: 'both-parties' as const,
  proposalTtlDays: 14,
  adminIds: [by],
});

/** Version 3 adds the enrolment window's dates: enrolment opens and closes on them when set. */
const programSettingsV3 = programSettingsV2.extend({
  enrolmentOpensOn: day.optional(),
  enrolmentClosesOn: day.optional(),
});
const programCreatedV2 = z.strictObject({
  ...programRef,
  ...actor,
  programType,
  settings: programSettingsV2,
});
const programUpdatedV2 = z.strictObject({ ...programRef, ...actor, changes: programSettingsV2.partial() });

export const programCreated = defineEvent(
  'matching.program.created',
  {
    version: 3,
    schema: z.strictObject({ ...programRef, ...actor, programType, settings: programSettingsV3 }),
  },
  [
    { version: 2, schema: programCreatedV2, upcast: (data: z.infer<typeof programCreatedV2>) => data },
    {
      version: 1,
      schema: programCreatedV1,
      upcast: (data: z.infer<typeof programCreatedV1>) => ({
        ...data,
        settings: { ...data.settings, ...v1Defaults(data.by) },
      }),
    },
  ],
);
export const programUpdated = defineEvent(
  'matching.program.updated',
  { version: 3, schema: z.strictObject({ ...programRef, ...actor, changes: programSettingsV3.partial() }) },
  [
    { version: 2, schema: programUpdatedV2, upcast: (data: z.infer<typeof programUpdatedV2>) => data },
    { version: 1, schema: programUpdatedV1, upcast: (data: z.infer<typeof programUpdatedV1>) => data },
  ],
);
export const programEnrolmentOpened = defineEvent('matching.program.enrolment-opened', {
  version: 1,
  schema: programFact,
});
export const programEnrolmentClosed = defineEvent('matching.program.enrolment-closed', {
  version: 1,
  schema: programFact,
});
export const programLaunched = defineEvent('matching.program.launched', { version: 1, schema: programFact });
export const programClosed = defineEvent('matching.program.closed', { version: 1, schema: programFact });

/** Categorical facets for analytics dimensions (codes from the organisation's directory). */
const facets = z.strictObject({
  department: code.optional(),
  level: code.optional(),
  location: code.optional(),
});

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

/** A mentor's cap on their relationships across every program of the tenant; absent: no cap. */
export const mentorOverallCapacitySet = defineEvent('matching.mentor.overall-capacity-set', {
  version: 1,
  schema: z.strictObject({
    userId: id,
    ...actor,
    overallCapacity: z.number().int().min(1).max(100).optional(),
  }),
});

/**
 * A person in the tenant's directory, by the user id their tokens carry. Their name, e-mail, job
 * title and the rest stay in the matching service (where erasure reaches them): the events say
 * only that the entry exists, which fields changed, and whether the person is active.
 */
const directorySource = z.enum(['scim', 'csv', 'admin']);
const personFact = { userId: id, ...actor, source: directorySource };
export const personProvisioned = defineEvent('matching.person.provisioned', {
  version: 1,
  schema: z.strictObject({ ...personFact, changedFields: z.array(code) }),
});
export const personChanged = defineEvent('matching.person.changed', {
  version: 1,
  schema: z.strictObject({ ...personFact, changedFields: z.array(code).min(1) }),
});
export const personDeactivated = defineEvent('matching.person.deactivated', {
  version: 1,
  schema: z.strictObject(personFact),
});
export const personReactivated = defineEvent('matching.person.reactivated', {
  version: 1,
  schema: z.strictObject(personFact),
});
/**
 * A platform admin asked that every service erase the person's personal data and free text. Each
 * service does its part on receipt and reports it with its own `<context>.person.erased`.
 */
export const personErasureRequested = defineEvent('matching.person.erasure-requested', {
  version: 1,
  schema: z.strictObject({ ...erasureRef, ...actor, requestedAt: instant }),
});
/** Matching erased its part: the directory entry, profiles, answers, agreement scopes, comments. */
export const personErased = defineEvent('matching.person.erased', {
  version: 1,
  schema: z.strictObject({ ...erasureRef, erasedAt: instant }),
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
  schema: z.strictObject({
    ...relationshipRef,
    mentorIds: z.array(id).min(1),
    menteeIds: z.array(id).min(1),
    startedAt: instant,
  }),
});
// Since agreements are mutual: appended once every party confirmed the same version (`by` completed it),
// so its cadence is the agreed one. Streams from before then hold one per party that recorded terms.
export const relationshipAgreementRecorded = defineEvent('matching.relationship.agreement-recorded', {
  version: 1,
  schema: z.strictObject({
    ...relationshipRef,
    ...actor,
    sessionsPerMonth: z.number().min(0),
    agreedUntil: day.optional(),
  }),
});
export const relationshipPaused = defineEvent('matching.relationship.paused', {
  version: 1,
  schema: z.strictObject({ ...relationshipRef, ...actor, reason: code }),
});
export const relationshipResumed = defineEvent('matching.relationship.resumed', {
  version: 1,
  schema: relationshipFact,
});
export const relationshipEnded = defineEvent('matching.relationship.ended', {
  version: 1,
  schema: z.strictObject({
    ...relationshipRef,
    ...actor,
    reason: z.enum(['completed', 'mismatch', 'participant-withdrew', 'program-closed', 'other']),
  }),
});
/** A party of a running relationship was deactivated in the directory: the program admin decides what follows. */
export const relationshipPartyDeactivated = defineEvent('matching.relationship.party-deactivated', {
  version: 1,
  schema: z.strictObject({ ...relationshipRef, userId: id }),
});
export const relationshipRematchRequested = defineEvent('matching.relationship.rematch-requested', {
  version: 1,
  schema: z.strictObject({ ...relationshipRef, ...actor, reason: code }),
});
const reflectionSubmittedV1 = z.strictObject({ ...relationshipRef, participantId: id, rating });
export const relationshipReflectionSubmitted = defineEvent(
  'matching.relationship.reflection-submitted',
  {
    version: 2,
    // Free-text comments stay in the service's collection; the event keeps the measurable part.
    schema: reflectionSubmittedV1.extend({
      goalsAchieved: z.enum(['yes', 'partly', 'no']).optional(),
      skillsGained: z.array(code),
      wouldRecommend: z.boolean().optional(),
    }),
  },
  [
    {
      version: 1,
      schema: reflectionSubmittedV1,
      upcast: (data: z.infer<typeof reflectionSubmittedV1>) => ({ ...data, skillsGained: [] }),
    },
  ],
);

/** A weekly time window, local to the participant's time zone. */
const availabilityWindow = z.strictObject({
  day: z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
  from: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be HH:MM'),
  to: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be HH:MM'),
});
/** The agreement's terms as a version of it; its goals (free text) stay in the service. */
export const relationshipAgreementProposed = defineEvent('matching.relationship.agreement-proposed', {
  version: 1,
  schema: z.strictObject({
    ...relationshipRef,
    ...actor,
    agreementVersion: z.number().int().min(1),
    sessionsPerMonth: z.number().min(0),
    channel: z.enum(['in-person', 'video', 'phone', 'chat']),
    confidentiality: z.enum(['pair-only', 'pair-and-program-admins']),
    agreedUntil: day.optional(),
    availability: z.array(
      z.strictObject({
        participantId: id,
        timeZone: z.string().regex(/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)*$/),
        windows: z.array(availabilityWindow),
      }),
    ),
  }),
});
/** A party confirms one version of the agreement; a later version needs confirming again. */
export const relationshipAgreementConfirmed = defineEvent('matching.relationship.agreement-confirmed', {
  version: 1,
  schema: z.strictObject({ ...relationshipRef, ...actor, agreementVersion: z.number().int().min(1) }),
});
/** A re-match asked for on this (ended) relationship was proposed as `newRelationshipId`, with other mentors. */
export const relationshipRematchProposed = defineEvent('matching.relationship.rematch-proposed', {
  version: 1,
  schema: z.strictObject({
    ...relationshipRef,
    ...actor,
    newRelationshipId: id,
    mentorIds: z.array(id).min(1),
    score: z.number().min(0).max(100),
  }),
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
  mentorOverallCapacitySet,
  personProvisioned,
  personChanged,
  personDeactivated,
  personReactivated,
  personErasureRequested,
  personErased,
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
  relationshipPartyDeactivated,
  relationshipReflectionSubmitted,
  relationshipAgreementProposed,
  relationshipAgreementConfirmed,
  relationshipRematchProposed,
] as const;
