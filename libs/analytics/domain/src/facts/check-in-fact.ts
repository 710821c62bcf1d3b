import type { CheckInFact } from './fact-types';
import type { RecordedEvent } from './recorded-event';

export const initialCheckInFact = (relationshipId: string, programId: string): CheckInFact => ({
  kind: 'check-ins',
  relationshipId,
  programId,
  overdueSince: null,
});

export function evolveCheckInFact(fact: CheckInFact, event: RecordedEvent): CheckInFact {
  if (event.type !== 'sessions.relationship.check-in-overdue') return fact;
  const { expectedBy } = event.data;
  const later = fact.overdueSince === null || Date.parse(expectedBy) > Date.parse(fact.overdueSince);
  return later ? { ...fact, overdueSince: expectedBy } : fact;
}
