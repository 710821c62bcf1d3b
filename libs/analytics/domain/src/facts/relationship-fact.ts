import type { ReflectionOutcome, RelationshipFact } from './fact-types';
import type { RecordedEvent } from './recorded-event';

export const initialRelationshipFact = (relationshipId: string, programId: string): RelationshipFact => ({
  kind: 'relationship',
  relationshipId,
  programId,
  mentorIds: [],
  menteeIds: [],
  status: 'unknown',
  proposedAt: null,
  startedAt: null,
  endedAt: null,
  endReason: null,
  sessionsPerMonth: null,
  reflectionRatings: [],
});

export function evolveRelationshipFact(fact: RelationshipFact, event: RecordedEvent): RelationshipFact {
  switch (event.type) {
    case 'matching.relationship.proposed':
      return {
        ...fact,
        mentorIds: event.data.mentorIds,
        menteeIds: event.data.menteeIds,
        status: fact.status === 'unknown' ? 'proposed' : fact.status,
        proposedAt: event.at,
      };
    case 'matching.relationship.started':
      return {
        ...fact,
        mentorIds: event.data.mentorIds,
        menteeIds: event.data.menteeIds,
        status: 'active',
        startedAt: event.data.startedAt,
      };
    case 'matching.relationship.declined':
      return { ...fact, status: 'declined', endedAt: event.at };
    case 'matching.relationship.expired':
      return { ...fact, status: 'expired', endedAt: event.at };
    case 'matching.relationship.paused':
      return { ...fact, status: 'paused' };
    case 'matching.relationship.resumed':
      return { ...fact, status: 'active' };
    case 'matching.relationship.ended':
      return { ...fact, status: 'ended', endedAt: event.at, endReason: event.data.reason };
    case 'matching.relationship.agreement-recorded':
      return { ...fact, sessionsPerMonth: event.data.sessionsPerMonth };
    case 'matching.relationship.reflection-submitted':
      return {
        ...fact,
        reflectionRatings: [...fact.reflectionRatings, event.data.rating],
        reflections: [...(fact.reflections ?? []), reflectionOf(event.data, event.at)],
      };
    default:
      return fact;
  }
}

function reflectionOf(
  data: Extract<RecordedEvent, { type: 'matching.relationship.reflection-submitted' }>['data'],
  at: string,
): ReflectionOutcome {
  const { participantId, rating, goalsAchieved, wouldRecommend, skillsGained } = data;
  return {
    participantId,
    at,
    rating,
    ...(goalsAchieved === undefined ? {} : { goalsAchieved }),
    ...(wouldRecommend === undefined ? {} : { wouldRecommend }),
    skillsGained: [...skillsGained],
  };
}
