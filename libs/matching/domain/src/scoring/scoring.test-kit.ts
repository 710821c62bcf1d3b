import fc from 'fast-check';
import type {
  CustomQuestion,
  HardRules,
  MatchingProfile,
  MatchingRules,
  ScoringContext,
} from './matching-profile';

let sequence = 0;
/** A fresh id per call, so no two tests share people. */
export function freshId(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}-${Math.random().toString(36).slice(2, 8)}`;
}

export function aProfile(overrides: Partial<MatchingProfile> = {}): MatchingProfile {
  const id = freshId('p');
  return {
    participantId: id,
    userId: `user-${id}`,
    languages: [],
    skillsOffered: [],
    skillsSought: [],
    focusAreas: [],
    answers: {},
    ...overrides,
  };
}

export const noHardRules: HardRules = {
  excludeSameDepartment: false,
  excludeOwnManager: false,
  excludePreviousPairs: false,
  requireCommonLanguage: false,
};

export function someRules(overrides: Partial<MatchingRules> = {}): MatchingRules {
  return {
    programType: 'one-to-one',
    criteriaWeights: {},
    hardRules: noHardRules,
    questions: [],
    minimumScore: 0,
    ...overrides,
  };
}

export const winter: ScoringContext = { previousPairs: new Set(), at: new Date('2026-01-15T12:00:00Z') };
export const summer: ScoringContext = { previousPairs: new Set(), at: new Date('2026-07-15T12:00:00Z') };

// Arbitraries for property tests: small vocabularies so overlaps, equal departments and rule hits are common.
const tag = fc.constantFrom(
  'negotiation',
  'Negotiation ',
  'public speaking',
  'finance',
  'leadership',
  'coaching',
  ' ',
);
const tags = fc.array(tag, { maxLength: 5 });
const word = fc.constantFrom('sales', 'Sales', 'finance', 'it', 'paris', 'london');
const zone = fc.constantFrom(
  'Europe/Paris',
  'America/New_York',
  'Asia/Kolkata',
  'UTC',
  'Pacific/Kiritimati',
  'Mars/Base',
);
const users = ['u1', 'u2', 'u3', 'u4', 'u5'];

export const questions: readonly CustomQuestion[] = [
  { id: 'time', kind: 'single-choice', options: ['morning', 'evening'] },
  { id: 'topics', kind: 'multi-choice', options: ['a', 'b', 'c', 'd'] },
  { id: 'hours', kind: 'number', min: 0, max: 10 },
];

export const profileArbitrary: fc.Arbitrary<MatchingProfile> = fc.record(
  {
    participantId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    userId: fc.constantFrom(...users),
    managerId: fc.constantFrom(...users),
    department: word,
    location: word,
    timezone: zone,
    level: fc.integer({ min: 0, max: 8 }),
    languages: fc.array(fc.constantFrom('en', 'fr', 'EN', 'de'), { maxLength: 3 }),
    skillsOffered: tags,
    skillsSought: tags,
    focusAreas: tags,
    answers: fc.record(
      {
        time: fc.constantFrom('morning', 'evening', 'Morning'),
        topics: fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 }),
        hours: fc.integer({ min: 0, max: 10 }),
      },
      { requiredKeys: [] },
    ),
  },
  {
    requiredKeys: [
      'participantId',
      'userId',
      'languages',
      'skillsOffered',
      'skillsSought',
      'focusAreas',
      'answers',
    ],
  },
);

const criterionCode = fc.constantFrom(
  'skills',
  'focus-areas',
  'seniority',
  'languages',
  'location',
  'timezone',
  'department',
  'question:time',
  'question:topics',
  'question:hours',
);

export const rulesArbitrary: fc.Arbitrary<MatchingRules> = fc.record({
  programType: fc.constantFrom('one-to-one', 'group', 'reverse', 'peer'),
  criteriaWeights: fc.dictionary(criterionCode, fc.integer({ min: 0, max: 50 }), { maxKeys: 10 }),
  hardRules: fc.record(
    {
      excludeSameDepartment: fc.boolean(),
      excludeOwnManager: fc.boolean(),
      excludePreviousPairs: fc.boolean(),
      requireCommonLanguage: fc.boolean(),
      maxTimezoneGapHours: fc.integer({ min: 0, max: 12 }),
    },
    {
      requiredKeys: [
        'excludeSameDepartment',
        'excludeOwnManager',
        'excludePreviousPairs',
        'requireCommonLanguage',
      ],
    },
  ),
  questions: fc.constant(questions),
  minimumScore: fc.integer({ min: 0, max: 100 }),
});

export const contextArbitrary: fc.Arbitrary<ScoringContext> = fc.record({
  previousPairs: fc
    .array(fc.tuple(fc.constantFrom(...users), fc.constantFrom(...users)), { maxLength: 4 })
    .map((pairs) => new Set(pairs.map(([a, b]) => `${a}|${b}`))),
  at: fc.constantFrom(winter.at, summer.at),
});
