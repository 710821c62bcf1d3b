import { aProfile, noHardRules, someRules, winter } from '../scoring/scoring.test-kit';
import { explainPair } from './why-not';

const rules = someRules({
  criteriaWeights: { skills: 1 },
  minimumScore: 50,
  hardRules: { ...noHardRules, excludeSameDepartment: true, requireCommonLanguage: true },
});
const mentee = aProfile({ userId: 'u-e', department: 'Sales', languages: ['en'], skillsSought: ['a', 'b'] });

describe('why not X with Y?', () => {
  it('given a pair excluded by two hard rules, explains both and still shows what it would score', () => {
    const mentor = aProfile({
      userId: 'u-m',
      department: 'Sales',
      languages: ['de'],
      skillsOffered: ['a', 'b'],
    });
    const explained = explainPair({ mentee, mentor, rules, context: winter, mentorRemainingCapacity: 2 });
    expect(explained.possible).toBe(false);
    expect(explained.score).toBe(100);
    expect(explained.breakdown).toEqual([expect.objectContaining({ criterion: 'skills', points: 100 })]);
    expect(explained.blockers.map((b) => (b.kind === 'hard-rule' ? b.rule : b.kind))).toEqual([
      'same-department',
      'no-common-language',
    ]);
    expect(explained.blockers[1]?.explanation).toContain('mentor: de');
  });

  it('given an eligible pair, names the minimum score and a full mentor as what blocks it', () => {
    const mentor = aProfile({
      department: 'Finance',
      languages: ['en'],
      skillsOffered: ['a'],
      userId: 'u-m2',
    });
    const explained = explainPair({
      mentee,
      mentor,
      rules: { ...rules, minimumScore: 60 },
      context: winter,
      mentorRemainingCapacity: 0,
    });
    expect(explained).toMatchObject({ possible: false, score: 50, minimumScore: 60 });
    expect(explained.blockers).toEqual([
      { kind: 'below-minimum-score', explanation: "the pair scores 50, below the program's minimum of 60" },
      expect.objectContaining({ kind: 'mentor-full' }),
    ]);
  });

  it('given a pair nothing blocks, says it is possible', () => {
    const mentor = aProfile({
      department: 'Finance',
      languages: ['en'],
      skillsOffered: ['a', 'b'],
      userId: 'u-m3',
    });
    expect(explainPair({ mentee, mentor, rules, context: winter, mentorRemainingCapacity: 1 })).toMatchObject(
      {
        possible: true,
        score: 100,
        blockers: [],
      },
    );
  });
});
