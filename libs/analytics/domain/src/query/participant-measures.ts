import type { FactSet } from '../facts/fact-set';
import type { ParticipantFact, RelationshipFact } from '../facts/fact-types';
import { daysBetween } from '../shared/time';
import type { Contribution } from './contribution';

// Measures about people rather than relationships: enrolment, mentor load, time to match and
// mentor retention. Each contribution names the people it is about, so dimensions and k-anonymity
// describe them (a mentor's enrolment has that mentor's department, not a relationship's).

type Enrolled = ParticipantFact & { readonly userId: string; readonly enrolledAt: string };
type Started = RelationshipFact & { readonly startedAt: string };

const enrolledAs = (facts: FactSet, role: 'mentor' | 'mentee'): Enrolled[] =>
  facts.participants.filter(
    (p): p is Enrolled => p.roles.includes(role) && p.userId !== null && p.enrolledAt !== null,
  );

const startedRelationships = (facts: FactSet): Started[] =>
  [...facts.relationships.values()]
    .filter((r): r is Started => r.startedAt !== null)
    .sort(
      (a, b) =>
        Date.parse(a.startedAt) - Date.parse(b.startedAt) || (a.relationshipId < b.relationshipId ? -1 : 1),
    );

const asMentor = (userId: string) => ({ mentorIds: [userId], menteeIds: [] });
const asMentee = (userId: string) => ({ mentorIds: [], menteeIds: [userId] });

/** Enrolments as mentor (or mentee), dated when they enrolled; a later withdrawal does not undo one. */
export function enrolments(facts: FactSet, role: 'mentor' | 'mentee'): Contribution[] {
  return enrolledAs(facts, role).map((p) => ({
    programId: p.programId,
    relationshipId: '',
    at: p.enrolledAt,
    value: 1,
    people: role === 'mentor' ? asMentor(p.userId) : asMentee(p.userId),
  }));
}

/**
 * Per mentor still enrolled, the distinct mentees of their open (active or paused) relationships
 * in that program; averaged, with idle mentors as 0. Dated at the mentor's enrolment.
 */
export function mentorLoads(facts: FactSet): Contribution[] {
  const mentees = new Map<string, Set<string>>();
  for (const r of facts.relationships.values()) {
    if (r.status !== 'active' && r.status !== 'paused') continue;
    for (const mentorId of r.mentorIds) {
      const key = `${r.programId}/${mentorId}`;
      const set = mentees.get(key) ?? new Set<string>();
      r.menteeIds.forEach((id) => set.add(id));
      mentees.set(key, set);
    }
  }
  return enrolledAs(facts, 'mentor')
    .filter((p) => p.withdrawnAt === null)
    .map((p) => ({
      programId: p.programId,
      relationshipId: '',
      at: p.enrolledAt,
      value: mentees.get(`${p.programId}/${p.userId}`)?.size ?? 0,
      people: asMentor(p.userId),
    }));
}

/**
 * Days from a mentee's enrolment to the start of their first relationship in that program, dated
 * at that start. Mentees not matched yet contribute nothing.
 */
export function daysToMatch(facts: FactSet): Contribution[] {
  const firstStart = new Map<string, Started>();
  for (const r of startedRelationships(facts))
    for (const menteeId of r.menteeIds) {
      const key = `${r.programId}/${menteeId}`;
      if (!firstStart.has(key)) firstStart.set(key, r);
    }
  return enrolledAs(facts, 'mentee').flatMap((p) => {
    const first = firstStart.get(`${p.programId}/${p.userId}`);
    if (!first) return [];
    return [
      {
        programId: p.programId,
        relationshipId: first.relationshipId,
        at: first.startedAt,
        value: Math.max(0, daysBetween(p.enrolledAt, first.startedAt)),
        people: asMentee(p.userId),
      },
    ];
  });
}

/**
 * Per mentor and program they mentored in (a started relationship as mentor): 1 if they later
 * mentored in another program of those read (their first start there is after their first start
 * here), else 0. Dated at their first start in the program, so `cohort` is that month.
 */
export function mentorRetention(facts: FactSet): Contribution[] {
  const firstByMentorProgram = new Map<string, { mentorId: string; relationship: Started }>();
  for (const r of startedRelationships(facts))
    for (const mentorId of r.mentorIds) {
      const key = `${mentorId}/${r.programId}`;
      if (!firstByMentorProgram.has(key)) firstByMentorProgram.set(key, { mentorId, relationship: r });
    }
  const starts = new Map<string, { programId: string; at: number }[]>();
  for (const { mentorId, relationship } of firstByMentorProgram.values())
    starts.set(mentorId, [
      ...(starts.get(mentorId) ?? []),
      { programId: relationship.programId, at: Date.parse(relationship.startedAt) },
    ]);
  return [...firstByMentorProgram.values()].map(({ mentorId, relationship }) => {
    const here = Date.parse(relationship.startedAt);
    const again = (starts.get(mentorId) ?? []).some(
      (s) => s.programId !== relationship.programId && s.at > here,
    );
    return {
      programId: relationship.programId,
      relationshipId: relationship.relationshipId,
      at: relationship.startedAt,
      value: again ? 1 : 0,
      people: asMentor(mentorId),
    };
  });
}
