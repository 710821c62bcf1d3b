import {
  MIN_PAIRS_TO_SHARE,
  ROWS_PER_BLOCK,
  runMatching,
  runScoresOf,
  type MatchRunInput,
  type MatchingProfile,
  type MentorProfile,
} from '@tandem/matching-domain';
import { seededRandom } from '@tandem/testing';
import { RowScoringThreads } from './row-scoring-threads';

/** A roster just large enough for a run to share its rows (1,100 × 1,000 pairs), with ties and exclusions. */
function largeRun(seed: number): MatchRunInput {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[], count: number) =>
    Array.from({ length: count }, () => values[Math.floor(random() * values.length)] as T);
  const skills = Array.from({ length: 30 }, (_, k) => `skill ${k}`);
  const departments = ['Sales', 'Finance', 'Legal', 'Operations'];
  const person = (prefix: string, k: number): MatchingProfile => ({
    participantId: `${prefix}-${String(k).padStart(5, '0')}`,
    userId: `user-${prefix}-${k}`,
    department: pick(departments, 1)[0] as string,
    languages: pick(['en', 'fr', 'de'], 2),
    skillsOffered: pick(skills, 5),
    skillsSought: pick(skills, 3),
    focusAreas: [],
    answers: {},
  });
  const mentors: MentorProfile[] = Array.from({ length: 1_000 }, (_, k) => ({
    ...person('mentor', k),
    remainingCapacity: 1 + Math.floor(random() * 2),
  }));
  return {
    mentees: Array.from({ length: 1_100 }, (_, k) => person('mentee', k)),
    mentors,
    mentorsPerMentee: 1,
    rules: {
      programType: 'one-to-one',
      criteriaWeights: { skills: 3, department: 1 },
      hardRules: {
        excludeSameDepartment: true,
        excludeOwnManager: false,
        excludePreviousPairs: false,
        requireCommonLanguage: true,
      },
      questions: [],
      minimumScore: 10,
    },
    context: { previousPairs: new Set(), at: new Date('2026-06-01T12:00:00Z') },
  };
}

describe('RowScoringThreads', () => {
  it('score a large run alongside its own thread: same pairs and total as the run alone', async () => {
    const input = largeRun(20261201);
    expect(input.mentees.length * input.mentors.length).toBeGreaterThanOrEqual(MIN_PAIRS_TO_SHARE);
    const alone = runMatching(input);
    const threads = new RowScoringThreads(1);
    try {
      const shared = runMatching(input, { scoreRowsElsewhere: threads.scoreRowsElsewhere });
      expect(shared.pairs).toEqual(alone.pairs);
      expect(shared.report.totalScore).toBe(alone.report.totalScore);
      expect(shared.optimal).toBe(true);
    } finally {
      await threads.stop();
    }
  });

  it("a helper thread scores every row the run has not claimed, into the run's shared cache", async () => {
    const { mentees, mentors, rules, context } = largeRun(7);
    const threads = new RowScoringThreads(1);
    const scores = runScoresOf(mentees, mentors, rules, context, {
      scoreRowsElsewhere: threads.scoreRowsElsewhere,
    });
    const expected = runScoresOf(mentees, mentors, rules, context);
    const row = new Int32Array(mentors.length);
    const want = new Int32Array(mentors.length);
    // The run's first row starts the helper; its thread scores that row's block only.
    scores.scoreRowInHundredths?.(0, row);
    expect(await threads.scoredBlocks()).toBe(Math.ceil(mentees.length / ROWS_PER_BLOCK) - 1);
    for (let i = 0; i < mentees.length; i++) {
      scores.scoreRowInHundredths?.(i, row);
      expected.scoreRowInHundredths?.(i, want);
      if (!row.every((value, j) => value === want[j])) throw new Error(`row ${i} differs`);
    }
  });
});
