import type {
  CheckInFact,
  Fact,
  GoalFact,
  ParticipantFact,
  ProgramFact,
  RelationshipFact,
  SessionFact,
} from './fact-types';

/** One tenant's facts (or some programs' of it), indexed for the joins questions need. */
export interface FactSet {
  readonly programs: ReadonlyMap<string, ProgramFact>;
  readonly participants: readonly ParticipantFact[];
  readonly relationships: ReadonlyMap<string, RelationshipFact>;
  readonly sessions: readonly SessionFact[];
  readonly goals: readonly GoalFact[];
  readonly checkIns: ReadonlyMap<string, CheckInFact>;
  /** `programId/userId` → that user's enrolment in that program. */
  readonly enrolmentOf: ReadonlyMap<string, ParticipantFact>;
}

export const enrolmentKey = (programId: string, userId: string): string => `${programId}/${userId}`;

export function factSetOf(facts: Iterable<Fact>): FactSet {
  const programs = new Map<string, ProgramFact>();
  const participants: ParticipantFact[] = [];
  const relationships = new Map<string, RelationshipFact>();
  const sessions: SessionFact[] = [];
  const goals: GoalFact[] = [];
  const checkIns = new Map<string, CheckInFact>();
  for (const fact of facts) {
    switch (fact.kind) {
      case 'program':
        programs.set(fact.programId, fact);
        break;
      case 'participant':
        participants.push(fact);
        break;
      case 'relationship':
        relationships.set(fact.relationshipId, fact);
        break;
      case 'session':
        sessions.push(fact);
        break;
      case 'goal':
        goals.push(fact);
        break;
      case 'check-ins':
        checkIns.set(fact.relationshipId, fact);
        break;
      default: {
        const exhaustive: never = fact;
        throw new Error(`unknown fact ${String(exhaustive)}`);
      }
    }
  }
  const enrolmentOf = new Map(
    participants
      .filter((p) => p.userId !== null)
      .map((p) => [enrolmentKey(p.programId, p.userId as string), p]),
  );
  return { programs, participants, relationships, sessions, goals, checkIns, enrolmentOf };
}

export type HeldSession = SessionFact & { readonly heldAt: string };

export const isHeld = (session: SessionFact): session is HeldSession =>
  session.status === 'held' && session.heldAt !== null;

/** Held sessions per relationship, earliest first. */
export function heldSessionsByRelationship(facts: FactSet): Map<string, HeldSession[]> {
  const byRelationship = new Map<string, HeldSession[]>();
  for (const session of facts.sessions) {
    if (!isHeld(session)) continue;
    const list = byRelationship.get(session.relationshipId) ?? [];
    list.push(session);
    byRelationship.set(session.relationshipId, list);
  }
  for (const list of byRelationship.values())
    list.sort((a, b) => Date.parse(a.heldAt) - Date.parse(b.heldAt) || (a.sessionId < b.sessionId ? -1 : 1));
  return byRelationship;
}
