import {
  relationshipProgressOf,
  type Fact,
  type GoalFact,
  type ParticipantFact,
  type RelationshipFact,
  type SessionFact,
} from '@tandem/analytics-domain';
import type { AnyBulkWriteOperation, ClientSession } from 'mongodb';
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
    { tenantId: string; programId: string; relationshipId: string; formerMentees: string[] }
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
      const entry = relationships.get(key) ?? { tenantId, programId, relationshipId, formerMentees: [] };
      if (before?.kind === 'relationship') entry.formerMentees.push(...before.menteeIds);
      relationships.set(key, entry);
    }
  }
  const facts = generations.collection(generation);
  for (const group of groupByProgram([...relationships.values()])) {
    const { tenantId, programId, ids } = group;
    const related = { tenantId, programId, 'fact.relationshipId': { $in: ids } };
    const [found, sessions, goals] = await Promise.all([
      facts
        .find({ _id: { $in: ids.map((id) => factDocumentId(tenantId, 'relationship', id)) } }, { session })
        .toArray(),
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
    const byRelationship = (documents: Pick<FactDocument, 'fact'>[], at: (fact: Fact) => string | null) => {
      const map = new Map<string, string[]>();
      for (const { fact } of documents) {
        const instant = at(fact);
        const id = relationshipOf(fact);
        if (instant && id) map.set(id, [...(map.get(id) ?? []), instant]);
      }
      return map;
    };
    const heldAt = byRelationship(sessions, (fact) => (fact as SessionFact).heldAt);
    const completedAt = byRelationship(goals, (fact) => (fact as GoalFact).completedAt);
    const current = new Map(
      found.map((doc) => [(doc.fact as RelationshipFact).relationshipId, doc.fact as RelationshipFact]),
    );
    for (const relationshipId of ids) {
      // Every write that reads this relationship's facts writes here too: a session recorded while
      // its relationship's fact is recorded elsewhere (neither seeing the other) conflicts, not lost.
      writes.push({
        updateOne: {
          filter: { _id: `relationship:${tenantId}/${programId}/${relationshipId}` },
          update: { $inc: { reads: 1 } },
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
        heldAt.get(relationshipId) ?? [],
        completedAt.get(relationshipId) ?? [],
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
  }[],
) {
  const groups = new Map<
    string,
    { tenantId: string; programId: string; ids: string[]; formerMentees: Map<string, string[]> }
  >();
  for (const { tenantId, programId, relationshipId, formerMentees } of relationships) {
    const key = `${tenantId}/${programId}`;
    const group = groups.get(key) ?? {
      tenantId,
      programId,
      ids: [],
      formerMentees: new Map<string, string[]>(),
    };
    group.ids.push(relationshipId);
    group.formerMentees.set(relationshipId, formerMentees);
    groups.set(key, group);
  }
  return groups.values();
}
