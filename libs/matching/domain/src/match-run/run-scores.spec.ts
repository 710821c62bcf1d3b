import fc from 'fast-check';
import { compileScoring } from '../scoring/compiled-scoring';
import { scorePrepared } from '../scoring/score-pair';
import { contextArbitrary, profileArbitrary, rulesArbitrary } from '../scoring/scoring.test-kit';
import { NOT_ALLOWED } from '../solver/assignment-problem';
import { runScores } from './run-scores';

describe('runScores (random profiles, rules, minimum scores and taken pairs)', () => {
  it('gives each pair its score when eligible, at or above the minimum and not taken; rows agree with pairs', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(profileArbitrary, { minLength: 1, maxLength: 4, selector: (p) => p.participantId }),
        fc.uniqueArray(profileArbitrary, { maxLength: 5, selector: (p) => p.participantId }),
        rulesArbitrary,
        contextArbitrary,
        fc.array(fc.tuple(fc.nat(3), fc.nat(4)), { maxLength: 4 }),
        (mentees, mentors, rules, context, takenIndexes) => {
          const scoring = compileScoring(rules, context);
          const preparedMentees = mentees.map((p) => scoring.prepare(p));
          const preparedMentors = mentors.map((p) => scoring.prepare(p));
          const taken = new Set(
            takenIndexes.flatMap(([i, j]) =>
              mentees[i] && mentors[j] ? [`${mentees[i].participantId}|${mentors[j].participantId}`] : [],
            ),
          );
          const scores = runScores(scoring, preparedMentees, preparedMentors, taken);
          const row = new Int32Array(mentors.length);
          preparedMentees.forEach((mentee, i) => {
            scores.scoreRowInHundredths?.(i, row);
            preparedMentors.forEach((mentor, j) => {
              const score = scorePrepared(scoring, mentee, mentor);
              const expected =
                taken.has(`${mentee.profile.participantId}|${mentor.profile.participantId}`) ||
                score === null ||
                score < rules.minimumScore
                  ? null
                  : score;
              expect(scores.score(i, j)).toBe(expected);
              expect(row[j]).toBe(expected === null ? NOT_ALLOWED : Math.round(expected * 100));
            });
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
