import { enrolmentKey, type FactSet } from '../facts/fact-set';
import type { Facets, RelationshipFact } from '../facts/fact-types';
import { monthOf } from '../shared/time';

export const DIMENSIONS = [
  'program',
  'programType',
  'cohort',
  'mentorDepartment',
  'menteeDepartment',
  'location',
  'seniority',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * Dimensions that describe people: a row grouped or filtered by one of them must aggregate at
 * least k participants or it is suppressed (the organisation's directory makes small groups identifiable).
 */
export const PERSONAL_DIMENSIONS: ReadonlySet<Dimension> = new Set([
  'mentorDepartment',
  'menteeDepartment',
  'location',
  'seniority',
]);

export const UNKNOWN = 'unknown';
/** A group relationship whose members differ on a facet. */
export const MIXED = 'mixed';

/** A relationship's (or its program's) value for each dimension; goals and sessions take their relationship's. */
export function dimensionValues(
  facts: FactSet,
  programId: string,
  relationship: RelationshipFact | undefined,
): Record<Dimension, string> {
  const facetOf = (userIds: readonly string[], facet: keyof Facets): string => {
    const values = new Set(
      userIds.map(
        (userId) => facts.enrolmentOf.get(enrolmentKey(programId, userId))?.facets[facet] ?? UNKNOWN,
      ),
    );
    if (values.size === 0) return UNKNOWN;
    return values.size === 1 ? (values.values().next().value ?? UNKNOWN) : MIXED;
  };
  const mentors = relationship?.mentorIds ?? [];
  const mentees = relationship?.menteeIds ?? [];
  return {
    program: programId,
    programType: facts.programs.get(programId)?.programType ?? UNKNOWN,
    cohort: relationship?.startedAt ? monthOf(relationship.startedAt) : UNKNOWN,
    mentorDepartment: facetOf(mentors, 'department'),
    menteeDepartment: facetOf(mentees, 'department'),
    location: facetOf(mentees, 'location'),
    seniority: facetOf(mentees, 'level'),
  };
}
