import { aProfile, noHardRules, someRules, winter } from '../scoring/scoring.test-kit';
import { suggestMentors, type SuggestableMentor } from './suggest-mentors';

const rules = someRules({
  criteriaWeights: { skills: 1 },
  minimumScore: 30,
  hardRules: { ...noHardRules, excludeSameDepartment: true },
});
const mentee = aProfile({ department: 'Sales', skillsSought: ['a', 'b', 'c', 'd'] });

/** A mentor covering `covered` of the mentee's four skills: 25 points each. */
function mentor(
  id: string,
  covered: number,
  place: { remainingCapacity?: number; pendingSuggestions?: number; department?: string } = {},
): SuggestableMentor {
  return {
    ...aProfile({
      participantId: id,
      department: place.department ?? 'Finance',
      skillsOffered: ['a', 'b', 'c', 'd'].slice(0, covered),
    }),
    remainingCapacity: place.remainingCapacity ?? 2,
    pendingSuggestions: place.pendingSuggestions ?? 0,
  };
}

const idsAndScores = (suggestions: readonly { mentorId: string; score: number }[]) =>
  suggestions.map((s) => [s.mentorId, s.score]);

describe('suggestMentors', () => {
  it('gives the best eligible mentors at or above the minimum score, ties by mentorId, with explanations', () => {
    const mentors = [
      mentor('m-c', 3),
      mentor('m-a', 4),
      mentor('m-b', 3),
      mentor('m-low', 1),
      mentor('m-same-dept', 4, { department: 'sales' }),
    ];

    const suggestions = suggestMentors(mentee, mentors, rules, winter, 3);

    expect(idsAndScores(suggestions)).toEqual([
      ['m-a', 100],
      ['m-b', 75],
      ['m-c', 75],
    ]);
    expect(suggestions[1]?.breakdown).toEqual([
      {
        criterion: 'skills',
        points: 75,
        maxPoints: 100,
        explanation: 'skills 75/100: a, b, c in common (3 of 4 sought)',
      },
    ]);
  });

  it('leaves out mentors without a place left', () => {
    const suggestions = suggestMentors(
      mentee,
      [mentor('m-full', 4, { remainingCapacity: 0 }), mentor('m-open', 2)],
      rules,
      winter,
      5,
    );
    expect(idsAndScores(suggestions)).toEqual([['m-open', 50]]);
  });

  it('spreads demand: a mentor with as many pending suggestions as places only fills the list, after the others', () => {
    const popular = mentor('m-popular', 4, { remainingCapacity: 2, pendingSuggestions: 2 });
    const others = [mentor('m-x', 3), mentor('m-y', 2, { remainingCapacity: 3, pendingSuggestions: 2 })];

    expect(idsAndScores(suggestMentors(mentee, [popular, ...others], rules, winter, 2))).toEqual([
      ['m-x', 75],
      ['m-y', 50],
    ]);
    expect(idsAndScores(suggestMentors(mentee, [popular, ...others], rules, winter, 3))).toEqual([
      ['m-x', 75],
      ['m-y', 50],
      ['m-popular', 100],
    ]);
  });

  it('a limit of 0 suggests nobody', () => {
    expect(suggestMentors(mentee, [mentor('m-a', 4)], rules, winter, 0)).toEqual([]);
  });
});
