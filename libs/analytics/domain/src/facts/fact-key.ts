import type { TandemEvent } from '@tandem/events';
import type { FactKind } from './fact-types';

/** Which fact an event belongs to: one per aggregate, whatever stream carried it. */
export interface FactKey {
  readonly kind: FactKind;
  readonly id: string;
  readonly programId: string;
}

/**
 * The fact an event feeds, or undefined for events analytics does not use (match runs, goal
 * templates, action items, and any type added later that no question needs yet).
 */
export function factKeyOf(event: Pick<TandemEvent, 'type' | 'data'>): FactKey | undefined {
  const data = event.data as Record<string, unknown>;
  const programId = typeof data['programId'] === 'string' ? data['programId'] : undefined;
  const idOf = (field: string) => (typeof data[field] === 'string' ? (data[field] as string) : undefined);
  const key = (kind: FactKind, id: string | undefined): FactKey | undefined =>
    id === undefined || programId === undefined ? undefined : { kind, id, programId };
  const [context, aggregate] = event.type.split('.');
  if (context === 'matching' && aggregate === 'program') return key('program', programId);
  if (context === 'matching' && aggregate === 'participant') return key('participant', idOf('participantId'));
  if (context === 'matching' && aggregate === 'relationship')
    return key('relationship', idOf('relationshipId'));
  if (context === 'goals' && aggregate === 'goal') return key('goal', idOf('goalId'));
  if (context === 'sessions' && aggregate === 'session') return key('session', idOf('sessionId'));
  if (event.type === 'sessions.relationship.check-in-overdue')
    return key('check-ins', idOf('relationshipId'));
  return undefined;
}
