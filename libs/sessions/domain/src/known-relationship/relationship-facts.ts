import type { TandemEvent } from '@tandem/events';

/**
 * What this service keeps of matching's relationship and program events. Each fact is stored
 * under its stream version, and the state is folded from the facts sorted by version: so facts
 * arriving in any order, or twice, end in the same state (ARCHITECTURE.md section 2).
 */
export type RelationshipFact =
  | {
      readonly type: 'proposed' | 'started';
      readonly at: string;
      readonly mentorIds: readonly string[];
      readonly menteeIds: readonly string[];
    }
  | { readonly type: 'paused' | 'resumed' | 'ended' | 'declined' | 'expired'; readonly at: string }
  | { readonly type: 'agreement'; readonly at: string; readonly sessionsPerMonth: number };

export type KnownRelationshipStatus =
  'unknown' | 'proposed' | 'active' | 'paused' | 'ended' | 'declined' | 'expired';

export interface KnownRelationship {
  readonly status: KnownRelationshipStatus;
  readonly mentorIds: readonly string[];
  readonly menteeIds: readonly string[];
  /** When it last became active (started or resumed): where a cadence window can begin. */
  readonly activeSince?: string;
  /** The parties' own agreed cadence, which overrides the program's. */
  readonly agreedSessionsPerMonth?: number;
}

/** The fact an event of matching's relationship stream carries for this service, if any. */
export function relationshipFactOf(event: TandemEvent, at: string): RelationshipFact | undefined {
  switch (event.type) {
    case 'matching.relationship.proposed':
      return { type: 'proposed', at, mentorIds: event.data.mentorIds, menteeIds: event.data.menteeIds };
    case 'matching.relationship.started':
      return {
        type: 'started',
        at: event.data.startedAt,
        mentorIds: event.data.mentorIds,
        menteeIds: event.data.menteeIds,
      };
    case 'matching.relationship.agreement-recorded':
      return { type: 'agreement', at, sessionsPerMonth: event.data.sessionsPerMonth };
    case 'matching.relationship.paused':
      return { type: 'paused', at };
    case 'matching.relationship.resumed':
      return { type: 'resumed', at };
    case 'matching.relationship.ended':
      return { type: 'ended', at };
    case 'matching.relationship.declined':
      return { type: 'declined', at };
    case 'matching.relationship.expired':
      return { type: 'expired', at };
    default:
      return undefined;
  }
}

const TERMINAL = ['ended', 'declined', 'expired'] as const;

export function foldRelationshipFacts(facts: Readonly<Record<string, RelationshipFact>>): KnownRelationship {
  const ordered = Object.entries(facts)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, fact]) => fact);
  const folded = ordered.reduce<KnownRelationship>(applyFact, {
    status: 'unknown',
    mentorIds: [],
    menteeIds: [],
  });
  // An end is final: even before the earlier facts arrive, nothing may happen in it any more.
  const terminal = TERMINAL.find((type) => ordered.some((fact) => fact.type === type));
  return terminal ? { ...folded, status: terminal } : folded;
}

function applyFact(state: KnownRelationship, fact: RelationshipFact): KnownRelationship {
  switch (fact.type) {
    case 'proposed':
      return { ...state, status: 'proposed', mentorIds: fact.mentorIds, menteeIds: fact.menteeIds };
    case 'started':
      return {
        ...state,
        status: 'active',
        mentorIds: fact.mentorIds,
        menteeIds: fact.menteeIds,
        activeSince: fact.at,
      };
    case 'agreement':
      return { ...state, agreedSessionsPerMonth: fact.sessionsPerMonth };
    case 'paused':
      return { ...state, status: 'paused' };
    case 'resumed':
      return { ...state, status: 'active', activeSince: fact.at };
    case 'ended':
    case 'declined':
    case 'expired':
      return { ...state, status: fact.type };
    default: {
      const exhaustive: never = fact;
      return exhaustive;
    }
  }
}

export const membersOf = (relationship: Pick<KnownRelationship, 'mentorIds' | 'menteeIds'>): string[] => [
  ...new Set([...relationship.mentorIds, ...relationship.menteeIds]),
];
