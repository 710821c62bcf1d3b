// eslint-disable-next-line @nx/enforce-module-boundaries -- tools (scope:shared) benchmarks the matching domain's solver and scoring
import type { MatchingProfile, MatchingRules, ScoringContext } from '@tandem/matching-domain';
import { seededRandom } from '@tandem/testing';
import { distinct, integerBetween, zipfPicker } from './random-draws';

/**
 * The organisation shapes the issue asks for. uniform: interests spread evenly. clustered: a few
 * skills are wanted by most mentees and offered broadly by a few popular mentors. oversubscribed:
 * mentees want 1–3 mentors each, mentors take 1–2. undersubscribed: more mentor places than mentee
 * demand (mentees are 2.5× the mentors instead of 5×, so places exceed demand with capacities 1–5).
 */
export type OrganisationShape = 'uniform' | 'clustered' | 'oversubscribed' | 'undersubscribed';
export const organisationShapes: readonly OrganisationShape[] = [
  'uniform',
  'clustered',
  'oversubscribed',
  'undersubscribed',
];

export interface GeneratedOrganisation {
  readonly mentees: readonly MatchingProfile[];
  readonly mentors: readonly MatchingProfile[];
  readonly menteeDemand: readonly number[];
  readonly mentorCapacity: readonly number[];
  readonly rules: MatchingRules;
  readonly context: ScoringContext;
}

const skills = Array.from({ length: 80 }, (_, k) => `skill ${k}`);
const focusAreas = Array.from({ length: 24 }, (_, k) => `focus ${k}`);
const languages = ['en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'pl'];
const timezones = [
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
];
const departmentCount = 40;
const locationCount = 25;

export const benchRules: MatchingRules = {
  programType: 'one-to-one',
  criteriaWeights: {
    skills: 40,
    'focus-areas': 15,
    seniority: 15,
    languages: 10,
    timezone: 10,
    department: 5,
    location: 5,
  },
  hardRules: {
    excludeSameDepartment: true,
    excludeOwnManager: true,
    excludePreviousPairs: false,
    requireCommonLanguage: true,
    maxTimezoneGapHours: 9,
  },
  questions: [],
  minimumScore: 20,
};

export function generateOrganisation(
  shape: OrganisationShape,
  menteeCount: number,
  mentorCount: number,
  seed: number,
): GeneratedOrganisation {
  const random = seededRandom(seed);
  const pickSkill =
    shape === 'clustered'
      ? zipfPicker(random, skills.length, 1.1)
      : () => integerBetween(random, 0, skills.length - 1);
  const pickLanguage = zipfPicker(random, languages.length, 1.5);
  const person = (kind: 'mentee' | 'mentor', index: number) => ({
    participantId: `${kind}-${index}`,
    userId: `user-${kind}-${index}`,
    department: `department ${integerBetween(random, 0, departmentCount - 1)}`,
    location: `location ${integerBetween(random, 0, locationCount - 1)}`,
    timezone: timezones[integerBetween(random, 0, timezones.length - 1)] as string,
    languages: distinct(integerBetween(random, 1, 2), pickLanguage).map((k) => languages[k] as string),
    focusAreas: distinct(integerBetween(random, 1, 3), () =>
      integerBetween(random, 0, focusAreas.length - 1),
    ).map((k) => focusAreas[k] as string),
    answers: {},
  });
  const mentees = Array.from({ length: menteeCount }, (_, i): MatchingProfile => ({
    ...person('mentee', i),
    level: integerBetween(random, 1, 5),
    skillsSought: distinct(integerBetween(random, 2, 4), pickSkill).map((k) => skills[k] as string),
    skillsOffered: [],
  }));
  const mentors = Array.from({ length: mentorCount }, (_, j): MatchingProfile => {
    // Clustered: one mentor in ten is "popular", offering most of the wanted skills.
    const popular = shape === 'clustered' && j % 10 === 0;
    const offered = popular
      ? distinct(8, () => integerBetween(random, 0, 11))
      : distinct(integerBetween(random, 3, 6), pickSkill);
    return {
      ...person('mentor', j),
      level: integerBetween(random, 3, 8),
      skillsOffered: offered.map((k) => skills[k] as string),
      skillsSought: [],
    };
  });
  return {
    mentees,
    mentors,
    menteeDemand: mentees.map(() => (shape === 'oversubscribed' ? integerBetween(random, 1, 3) : 1)),
    mentorCapacity: mentors.map(() =>
      shape === 'oversubscribed' ? integerBetween(random, 1, 2) : integerBetween(random, 1, 5),
    ),
    rules: benchRules,
    context: { previousPairs: new Set(), at: new Date('2026-03-02T12:00:00Z') },
  };
}

/** Mentee count for a size's mentor count: 5× mentors, except undersubscribed (2.5×). */
export const menteesFor = (shape: OrganisationShape, mentorCount: number): number =>
  shape === 'undersubscribed' ? Math.round(mentorCount * 2.5) : mentorCount * 5;
