import { evolveCheckInFact, initialCheckInFact } from './check-in-fact';
import type { FactKey } from './fact-key';
import type { Fact } from './fact-types';
import { evolveGoalFact, initialGoalFact } from './goal-fact';
import { evolveParticipantFact, initialParticipantFact } from './participant-fact';
import { evolveProgramFact, initialProgramFact } from './program-fact';
import { historyAsOf, type RecordedEvent } from './recorded-event';
import { evolveRelationshipFact, initialRelationshipFact } from './relationship-fact';
import { evolveSessionFact, initialSessionFact } from './session-fact';

/** A fact is the fold of its history; `asOf` folds only what had been recorded by then (undefined if nothing had). */
export function foldFact(key: FactKey, history: readonly RecordedEvent[], asOf?: string): Fact | undefined {
  const events = historyAsOf(history, asOf);
  if (events.length === 0) return undefined;
  const { id, programId } = key;
  switch (key.kind) {
    case 'program':
      return events.reduce(evolveProgramFact, initialProgramFact(id));
    case 'participant':
      return events.reduce(evolveParticipantFact, initialParticipantFact(id, programId));
    case 'relationship':
      return events.reduce(evolveRelationshipFact, initialRelationshipFact(id, programId));
    case 'session':
      return events.reduce(evolveSessionFact, initialSessionFact(id, programId));
    case 'goal':
      return events.reduce(evolveGoalFact, initialGoalFact(id, programId));
    case 'check-ins':
      return events.reduce(evolveCheckInFact, initialCheckInFact(id, programId));
    default: {
      const exhaustive: never = key.kind;
      return exhaustive;
    }
  }
}
