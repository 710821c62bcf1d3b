import {
  relationshipProgressOf,
  type Fact,
  type GoalFact,
  type ParticipantFact,
  type RelationshipFact,
  type SessionFact,
} from '@tandem/analytics-domain';
import type { AnyBulkWriteOperation, ClientSession, Collection } from 'mongodb';
import { factDocumentId, type FactDocument } from './fact-document';
import type { FactGenerations } from './fact-generations';
import { fieldKey, journeyId, type JourneyDocument } from './rollup-documents';

/** A fact this write changed: as it was (undefined: new) and as it is. */
export interface FactChange {
  readonly tenantId: string;
  readonly programId: string;
  readonly before: Fact | undefined;
  readonly after: Fact;
}

const menteeEnrolment = (fact: Fact | undefined) =>
  fact?.kind === 'participant' && fact.roles.includes('mentee') && fact.userId !== null
    ? (fact as ParticipantFact & { userId: string })
    : undefined;

const relationshipOf = (fact: Fact | undefined): string | undefined =>
  fact?.kind === 'relationship' || fact?.kind === 'session' || fact?.kind === 'goal'
    ? fact.relationshipId
    : undefined;

/**
 * Keeps each mentee's journey document in step with the facts this write changed, inside the same
 * transaction: an enrolment sets or clears its entry; a changed relationship, session or goal
 * recomputes its relationship's progress (from that relationship's facts, read in the transaction)
 * and sets it on each of its mentees' journeys, clearing it from mentees it no longer has. Every
 * journey that depends on what was read is written, so a concurrent change conflicts instead of
 * being lost.
 */
export async function moveJourneys(
  generations: FactGenerations,
  generation: number,
  changes: readonly FactChange[],
  session: ClientSession,
): Promise<void> {
  const writes: AnyBulkWriteOperation<JourneyDocument>[] = [];
  const upsertJourney = (
    tenantId: string,
    programId: string,
    menteeId: string,
    update: Record<string, unknown>,
  ) =>
    writes.push({
      updateOne: {
        filter: { _id: journeyId(tenantId, programId, menteeId) },
        update: { ...update, $setOnInsert: { tenantId, programId, menteeId } },
        upsert: true,
      },
    });
  const relationships = new Map<
    string,
    {
      tenantId: string;
      programId: string;
      relationshipId: string;
      formerMentees: string[];
      instantChanges: FactChange[];
    }
  >();
  for (const { tenantId, programId, before, after } of changes) {
    const [was, is] = [menteeEnrolment(before), menteeEnrolment(after)];
    if (was && was.userId !== is?.userId)
      upsertJourney(tenantId, programId, was.userId, {
        $unset: { [`enrolments.${fieldKey(was.participantId)}`]: '' },
      });
    if (is)
      upsertJourney(tenantId, programId, is.userId, {
        $set: { [`enrolments.${fieldKey(is.participantId)}`]: is.enrolledAt },
      });
    for (const relationshipId of new Set([relationshipOf(before), relationshipOf(after)])) {
      if (!relationshipId) continue;
      const key = `${tenantId}/${programId}/${relationshipId}`;
      const entry = relationships.get(key) ?? {
        tenantId,
        programId,
        relationshipId,
        formerMentees: [],
        instantChanges: [],
      };
      if (before?.kind === 'relationship') entry.formerMentees.push(...before.menteeIds);
      if (after.kind === 'session' || after.kind === 'goal')
        entry.instantChanges.push({ tenantId, programId, before, after });
      relationships.set(key, entry);
    }
  }
  const facts = generations.collection(generation);
  const markers = generations.journeys(generation) as unknown as Collection<RelationshipMarkerDocument>;
  for (const group of groupByProgram([...relationships.values()])) {
    const { tenantId, programId, ids } = group;
    const markerId = (relationshipId: string) => `relationship:${tenantId}/${programId}/${relationshipId}`;
    const [found, storedMarkers] = await Promise.all([
      facts
        .find({ _id: { $in: ids.map((id) => factDocumentId(tenantId, 'relationship', id)) } }, { session })
        .toArray(),
      markers.find({ _id: { $in: ids.map(markerId) } }, { session, projection: { instants: 1 } }).toArray(),
    ]);
    const instants = new Map(
      storedMarkers.flatMap((marker) => (marker.instants ? [[marker._id, marker.instants] as const] : [])),
    );
    // A relationship whose marker predates kept instants: its held sessions and completed goals
    // are read once (this write's own changes included), then kept in the marker.
    const unknown = ids.filter((id) => !instants.has(markerId(id)));
    for (const [id, read] of await instantsFromFacts(facts, tenantId, programId, unknown, session))
      instants.set(markerId(id), read);
    for (const id of ids) {
      const kept = instants.get(markerId(id)) ?? { held: {}, goalsCompleted: {} };
      for (const change of group.instantChanges.get(id) ?? []) moveInstant(kept, change, id);
      instants.set(markerId(id), kept);
    }
    const current = new Map(
      found.map((doc) => [(doc.fact as RelationshipFact).relationshipId, doc.fact as RelationshipFact]),
    );
    for (const relationshipId of ids) {
      // Every write that reads this relationship's facts writes here too: a session recorded while
      // its relationship's fact is recorded elsewhere (neither seeing the other) conflicts, not lost.
      const kept = instants.get(markerId(relationshipId)) ?? { held: {}, goalsCompleted: {} };
      writes.push({
        updateOne: {
          filter: { _id: markerId(relationshipId) },
          update: { $set: { instants: kept }, $inc: { reads: 1 } },
          upsert: true,
        },
      } as AnyBulkWriteOperation<JourneyDocument>);
      const relationship = current.get(relationshipId);
      const mentees = relationship?.menteeIds ?? [];
      const path = `relationships.${fieldKey(relationshipId)}`;
      const former = group.formerMentees.get(relationshipId) ?? [];
      for (const mentee of new Set(former))
        if (!mentees.includes(mentee)) upsertJourney(tenantId, programId, mentee, { $unset: { [path]: '' } });
      if (!relationship) continue; // its mentees are unknown until the relationship's own fact arrives
      const progress = relationshipProgressOf(
        relationship,
        Object.values(kept.held),
        Object.values(kept.goalsCompleted),
      );
      for (const mentee of new Set(mentees))
        upsertJourney(tenantId, programId, mentee, { $set: { [path]: progress } });
    }
  }
  if (writes.length > 0) await generations.journeys(generation).bulkWrite(writes, { session, ordered: true });
}

function groupByProgram(
  relationships: readonly {
    tenantId: string;
    programId: string;
    relationshipId: string;
    formerMentees: string[];
    instantChanges: FactChange[];
  }[],
) {
  const groups = new Map<
    string,
    {
      tenantId: string;
      programId: string;
      ids: string[];
      formerMentees: Map<string, string[]>;
      instantChanges: Map<string, FactChange[]>;
    }
  >();
  for (const { tenantId, programId, relationshipId, formerMentees, instantChanges } of relationships) {
    const key = `${tenantId}/${programId}`;
    const group = groups.get(key) ?? {
      tenantId,
      programId,
      ids: [],
      formerMentees: new Map<string, string[]>(),
      instantChanges: new Map<string, FactChange[]>(),
    };
    group.ids.push(relationshipId);
    group.formerMentees.set(relationshipId, formerMentees);
    group.instantChanges.set(relationshipId, instantChanges);
    groups.set(key, group);
  }
  return groups.values();
}

/**
 * What a relationship's funnel progress needs beyond its own fact, kept in its marker: when each
 * of its sessions was held and each of its goals completed (field keys of their ids).
 */
interface RelationshipInstants {
  held: Record<string, string>;
  goalsCompleted: Record<string, string>;
}

/** The marker every write that reads a relationship's facts writes (see moveJourneys). */
interface RelationshipMarkerDocument {
  _id: string;
  reads: number;
  instants?: RelationshipInstants;
}

/** A session's or goal's change, as the relationship `relationshipId` sees it (one it left drops out). */
function moveInstant(kept: RelationshipInstants, { after }: FactChange, relationshipId: string): void {
  if (after.kind === 'session') {
    const key = fieldKey(after.sessionId);
    if (after.relationshipId === relationshipId && after.status === 'held' && after.heldAt)
      kept.held[key] = after.heldAt;
    else delete kept.held[key];
  } else if (after.kind === 'goal') {
    const key = fieldKey(after.goalId);
    if (after.relationshipId === relationshipId && after.completedAt)
      kept.goalsCompleted[key] = after.completedAt;
    else delete kept.goalsCompleted[key];
  }
}

/** Held sessions and completed goals of relationships, read from their facts (in the transaction). */
async function instantsFromFacts(
  facts: Collection<FactDocument>,
  tenantId: string,
  programId: string,
  ids: readonly string[],
  session: ClientSession,
): Promise<Map<string, RelationshipInstants>> {
  const read = new Map(
    ids.map((id): [string, RelationshipInstants] => [id, { held: {}, goalsCompleted: {} }]),
  );
  if (ids.length === 0) return read;
  const related = { tenantId, programId, 'fact.relationshipId': { $in: [...ids] } };
  const [sessions, goals] = await Promise.all([
    facts
      .find({ ...related, kind: 'session', 'fact.status': 'held' }, { session, projection: { fact: 1 } })
      .toArray(),
    facts
      .find(
        { ...related, kind: 'goal', 'fact.completedAt': { $ne: null } },
        { session, projection: { fact: 1 } },
      )
      .toArray(),
  ]);
  for (const { fact } of sessions) {
    const held = fact as SessionFact;
    const kept = read.get(held.relationshipId);
    if (kept && held.heldAt) kept.held[fieldKey(held.sessionId)] = held.heldAt;
  }
  for (const { fact } of goals) {
    const goal = fact as GoalFact;
    const kept = read.get(goal.relationshipId);
    if (kept && goal.completedAt) kept.goalsCompleted[fieldKey(goal.goalId)] = goal.completedAt;
  }
  return read;
}
