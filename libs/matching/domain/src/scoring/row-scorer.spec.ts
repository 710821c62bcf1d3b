import fc from 'fast-check';
import { compileScoring } from './compiled-scoring';
import { createRowScorer, EXCLUDED_PAIR } from './row-scorer';
import { scorePrepared } from './score-pair';
import { contextArbitrary, profileArbitrary, rulesArbitrary } from './scoring.test-kit';

describe('createRowScorer (random profiles, rules and contexts)', () => {
  it('scores every mentor of a row exactly as scorePrepared scores the pair, exclusions included', () => {
    fc.assert(
      fc.property(
        fc.array(profileArbitrary, { minLength: 1, maxLength: 4 }),
        fc.array(profileArbitrary, { maxLength: 7 }),
        rulesArbitrary,
        contextArbitrary,
        (mentees, mentors, rules, context) => {
          const scoring = compileScoring(rules, context);
          const preparedMentors = mentors.map((p) => scoring.prepare(p));
          const scoreRow = createRowScorer(scoring, preparedMentors);
          const row = new Int32Array(mentors.length + 2).fill(7);
          for (const mentee of mentees.map((p) => scoring.prepare(p))) {
            scoreRow(mentee, row);
            const expected = preparedMentors.map((mentor) => {
              const score = scorePrepared(scoring, mentee, mentor);
              return score === null ? EXCLUDED_PAIR : Math.round(score * 100);
            });
            expect([...row.subarray(0, mentors.length)]).toEqual(expected);
            // Entries past the mentors are not the row's: left as they were.
            expect([...row.subarray(mentors.length)]).toEqual([7, 7]);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses a row buffer shorter than the mentors', () => {
    const scoring = compileScoring(
      {
        programType: 'one-to-one',
        criteriaWeights: { skills: 1 },
        hardRules: {
          excludeSameDepartment: false,
          excludeOwnManager: false,
          excludePreviousPairs: false,
          requireCommonLanguage: false,
        },
        questions: [],
        minimumScore: 0,
      },
      { previousPairs: new Set(), at: new Date('2026-01-15T12:00:00Z') },
    );
    const profile = {
      participantId: 'a',
      userId: 'u',
      languages: [],
      skillsOffered: [],
      skillsSought: [],
      focusAreas: [],
      answers: {},
    };
    const scoreRow = createRowScorer(scoring, [scoring.prepare(profile), scoring.prepare({ ...profile })]);
    expect(() => scoreRow(scoring.prepare({ ...profile }), new Int32Array(1))).toThrow(/2 entries, got 1/);
  });
});
