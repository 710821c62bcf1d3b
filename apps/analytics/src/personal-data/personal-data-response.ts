import type {
  Facets,
  GoalFact,
  ParticipantFact,
  Rating,
  ReflectionOutcome,
  RelationshipFact,
  SessionFact,
} from '@tandem/analytics-domain';
import { z } from 'zod';
import type { PersonalFacts } from './personal-data-reader';

// What analytics holds about one person, as a right-of-access export. Only the person's own
// contributions are shown; everyone else appears as an id (a relationship's parties, a rated mentee).

const instant = z.iso.datetime({ offset: true }).meta({ examples: ['2026-02-20T15:00:00.000Z'] });
const when = instant.nullable();
const role = z.enum(['mentor', 'mentee']);
const userIds = (description: string) => z.array(z.string()).describe(description);

const enrolmentSchema = z.object({
  programId: z.string(),
  participantId: z.string(),
  roles: z.array(role),
  facets: z.object({
    department: z.string().optional(),
    level: z.string().optional(),
    location: z.string().optional(),
  }),
  enrolledAt: when,
  withdrawnAt: when,
});

const reflectionSchema = z.object({
  at: instant,
  rating: z.int().min(1).max(5).optional(),
  goalsAchieved: z.enum(['yes', 'partly', 'no']).optional(),
  wouldRecommend: z.boolean().optional(),
  skillsGained: z.array(z.string()),
});

const relationshipSchema = z.object({
  relationshipId: z.string(),
  programId: z.string(),
  roles: z.array(role).describe('The side(s) of the relationship the person is on'),
  mentorIds: userIds('User ids of the mentors'),
  menteeIds: userIds('User ids of the mentees'),
  status: z.enum(['unknown', 'proposed', 'declined', 'expired', 'active', 'paused', 'ended']),
  proposedAt: when,
  startedAt: when,
  endedAt: when,
  endReason: z.string().nullable(),
  sessionsPerMonth: z.number().nullable(),
  reflections: z.array(reflectionSchema).describe('The closing reflections the person submitted'),
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      status: z.enum(['scheduled', 'held', 'cancelled', 'no-show']),
      heldAt: when,
    }),
  ),
  goals: z.array(
    z.object({
      goalId: z.string(),
      status: z.enum(['open', 'completed', 'abandoned', 'closed']),
      setAt: when,
      targetDate: z.iso.date().nullable(),
      completedAt: when,
    }),
  ),
});

const ratingGivenSchema = z.object({
  sessionId: z.string(),
  relationshipId: z.string(),
  programId: z.string(),
  at: instant,
  rating: z.int().min(1).max(5),
  helpful: z.boolean().optional(),
  mentorRating: z.int().min(1).max(5).optional().describe('As a mentee, of their mentor'),
  menteeRatings: z
    .array(z.object({ menteeId: z.string(), rating: z.int().min(1).max(5) }))
    .optional()
    .describe('As a mentor, of each mentee (user ids)'),
});

export const personalDataSchema = z.object({
  service: z.literal('analytics'),
  userId: z.string(),
  enrolments: z.array(enrolmentSchema),
  relationships: z.array(relationshipSchema),
  ratingsGiven: z.array(ratingGivenSchema).describe('Session feedback the person gave'),
  programsAdministered: z.array(z.object({ programId: z.string() })),
});
export type PersonalDataResponse = z.output<typeof personalDataSchema>;

export function personalDataResponse(userId: string, facts: PersonalFacts): PersonalDataResponse {
  return {
    service: 'analytics',
    userId,
    enrolments: facts.enrolments.map(enrolmentOf),
    relationships: facts.relationships.map((r) => relationshipOf(userId, r, facts)),
    ratingsGiven: facts.sessions.flatMap((s) =>
      s.ratings.filter((r) => r.participantId === userId).map((r) => ratingOf(s, r)),
    ),
    programsAdministered: facts.programsAdministered.map(({ programId }) => ({ programId })),
  };
}

function enrolmentOf(p: ParticipantFact): z.output<typeof enrolmentSchema> {
  return {
    programId: p.programId,
    participantId: p.participantId,
    roles: [...p.roles],
    facets: facetsOf(p.facets),
    enrolledAt: p.enrolledAt,
    withdrawnAt: p.withdrawnAt,
  };
}

// Picked field by field: the stored object is the event's, and nothing else may pass.
const facetsOf = ({ department, level, location }: Facets) => ({
  ...(department === undefined ? {} : { department }),
  ...(level === undefined ? {} : { level }),
  ...(location === undefined ? {} : { location }),
});

function relationshipOf(
  userId: string,
  r: RelationshipFact,
  facts: PersonalFacts,
): z.output<typeof relationshipSchema> {
  const own = <T extends { relationshipId: string }>(items: readonly T[]) =>
    items.filter((item) => item.relationshipId === r.relationshipId);
  return {
    relationshipId: r.relationshipId,
    programId: r.programId,
    roles: [
      ...(r.mentorIds.includes(userId) ? ['mentor' as const] : []),
      ...(r.menteeIds.includes(userId) ? ['mentee' as const] : []),
    ],
    mentorIds: [...r.mentorIds],
    menteeIds: [...r.menteeIds],
    status: r.status,
    proposedAt: r.proposedAt,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    endReason: r.endReason,
    sessionsPerMonth: r.sessionsPerMonth,
    // `reflectionRatings` is left out: it does not say whose each rating is.
    reflections: (r.reflections ?? [])
      .filter((reflection) => reflection.participantId === userId)
      .map(reflectionOf),
    sessions: own(facts.sessions).map(({ sessionId, status, heldAt }) => ({ sessionId, status, heldAt })),
    goals: own(facts.goals).map(goalOf),
  };
}

function reflectionOf(reflection: ReflectionOutcome): z.output<typeof reflectionSchema> {
  const { at, rating, goalsAchieved, wouldRecommend, skillsGained } = reflection;
  return {
    at,
    ...(rating === undefined ? {} : { rating }),
    ...(goalsAchieved === undefined ? {} : { goalsAchieved }),
    ...(wouldRecommend === undefined ? {} : { wouldRecommend }),
    skillsGained: [...skillsGained],
  };
}

const goalOf = ({ goalId, status, setAt, targetDate, completedAt }: GoalFact) => ({
  goalId,
  status,
  setAt,
  targetDate,
  completedAt,
});

function ratingOf(session: SessionFact, rating: Rating): z.output<typeof ratingGivenSchema> {
  const { rating: given, at, helpful, mentorRating, menteeRatings } = rating;
  return {
    sessionId: session.sessionId,
    relationshipId: session.relationshipId,
    programId: session.programId,
    at,
    rating: given,
    ...(helpful === undefined ? {} : { helpful }),
    ...(mentorRating === undefined ? {} : { mentorRating }),
    ...(menteeRatings === undefined ? {} : { menteeRatings: menteeRatings.map((m) => ({ ...m })) }),
  };
}
