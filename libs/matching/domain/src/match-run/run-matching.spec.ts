import fc from 'fast-check';
import { scorePair } from '../scoring/score-pair';
import type { MatchingProfile, MatchingRules } from '../scoring/matching-profile';
import {
  aProfile,
  contextArbitrary,
  noHardRules,
  profileArbitrary,
  rulesArbitrary,
  someRules,
  winter,
} from '../scoring/scoring.test-kit';
import type { MentorProfile } from './match-run-types';
import { runMatching } from './run-matching';

const rules: MatchingRules = someRules({
  criteriaWeights: { skills: 1 },
  minimumScore: 60,
  hardRules: { ...noHardRules, excludeSameDepartment: true },
});

const mentee = (id: string, skillsSought: string[], department = 'Sales'): MatchingProfile =>
  aProfile({ participantId: id, department, skillsSought });
const mentor = (
  id: string,
  skillsOffered: string[],
  remainingCapacity = 1,
  department = 'Finance',
): MentorProfile => ({
  ...aProfile({ participantId: id, department, skillsOffered }),
  remainingCapacity,
});

describe('runMatching', () => {
  it('finds the assignment with the highest total score, not the greedy one, and proves it optimal', () => {
    // Greedy gives e-a its best mentor m-1 (100) and leaves e-b with nobody above the minimum: 100 in total.
    const mentees = [mentee('e-a', ['a', 'b', 'c', 'd']), mentee('e-b', ['a', 'b', 'c', 'e'])];
    const mentors = [mentor('m-1', ['a', 'b', 'c', 'd']), mentor('m-2', ['b', 'c', 'd'])];

    const result = runMatching({ mentees, mentors, mentorsPerMentee: 1, rules, context: winter });

    expect(result.pairs.map((p) => [p.menteeId, p.mentorId, p.score])).toEqual([
      ['e-a', 'm-2', 75],
      ['e-b', 'm-1', 75],
    ]);
    expect(result.pairs[0]?.breakdown).toEqual([
      {
        criterion: 'skills',
        points: 75,
        maxPoints: 100,
        explanation: 'skills 75/100: b, c, d in common (3 of 4 sought)',
      },
    ]);
    expect(result.optimal).toBe(true);
    expect(result.certificateViolations).toEqual([]);
    expect(result.report).toMatchObject({
      matched: 2,
      unmatched: 0,
      totalScore: 150,
      meanScore: 75,
      minScore: 75,
      unmatchedMentees: [],
    });
  });

  it('reports its progress: the solver’s phases in order, then the certificate, each ending done', () => {
    const mentees = [mentee('e-a', ['a', 'b']), mentee('e-b', ['a', 'c'])];
    const mentors = [mentor('m-1', ['a', 'b']), mentor('m-2', ['a', 'c'])];
    const seen: { phase: string; done: number; total: number }[] = [];

    runMatching(
      { mentees, mentors, mentorsPerMentee: 1, rules, context: winter },
      { onProgress: (progress) => seen.push(progress) },
    );

    const phases = seen.map((p) => p.phase).filter((phase, i, all) => all[i - 1] !== phase);
    expect(phases[0]).toBe('candidates');
    expect(phases.at(-1)).toBe('certificate');
    expect(phases.indexOf('solve')).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual({ phase: 'certificate', done: 1, total: 1 });
    for (const { done, total } of seen) expect(done).toBeLessThanOrEqual(total);
  });

  it('explains each kind of unmatched mentee', () => {
    const mentees = [
      mentee('e-matched', ['a', 'b', 'c', 'd']),
      mentee('e-capacity', ['a', 'b', 'c', 'd', 'e']),
      mentee('e-low', ['x', 'y', 'a']),
      mentee('e-excluded', ['a'], 'Finance'),
    ];

    const { pairs, report } = runMatching({
      mentees,
      mentors: [mentor('m-1', ['a', 'b', 'c', 'd'])],
      mentorsPerMentee: 1,
      rules,
      context: winter,
    });

    expect(pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([['e-matched', 'm-1']]);
    expect(report.matched).toBe(1);
    expect(report.unmatched).toBe(3);
    expect(report.unmatchedMentees).toEqual([
      {
        menteeId: 'e-capacity',
        reason: 'capacity-exhausted',
        explanation:
          '1 mentor at or above the minimum score 60 (best 80), but their places went to other mentees, which gives the highest total score',
      },
      {
        menteeId: 'e-excluded',
        reason: 'no-eligible-mentor',
        explanation: 'the only mentor is excluded by hard rules (same-department: 1)',
      },
      {
        menteeId: 'e-low',
        reason: 'below-minimum-score',
        explanation: '1 mentor eligible, but the best score 33.33 is below the minimum score 60',
      },
    ]);
  });

  it('says when good mentors have no capacity at all, and counts rules over many mentors', () => {
    const prior = { ...winter, previousPairs: new Set<string>() };
    const full = mentor('m-full', ['a'], 0);
    const lonely = mentee('e-1', ['a']);
    const sameDept = [mentor('m-s1', ['a'], 1, 'Sales'), mentor('m-s2', ['a'], 1, 'sales')];

    expect(
      runMatching({ mentees: [lonely], mentors: [full], mentorsPerMentee: 1, rules, context: prior }).report
        .unmatchedMentees,
    ).toEqual([
      {
        menteeId: 'e-1',
        reason: 'capacity-exhausted',
        explanation:
          '1 mentor at or above the minimum score 60 (best 100), but none of them has capacity left',
      },
    ]);
    expect(
      runMatching({ mentees: [lonely], mentors: sameDept, mentorsPerMentee: 1, rules, context: prior }).report
        .unmatchedMentees[0]?.explanation,
    ).toBe('all 2 mentors are excluded by hard rules (same-department: 2)');
    expect(
      runMatching({ mentees: [lonely], mentors: [], mentorsPerMentee: 1, rules, context: prior }).report
        .unmatchedMentees,
    ).toEqual([
      { menteeId: 'e-1', reason: 'no-eligible-mentor', explanation: 'there are no mentors in this run' },
    ]);
  });

  it('gives a mentee up to mentorsPerMentee distinct mentors and respects every capacity', () => {
    const mentees = [mentee('e-1', ['a', 'b']), mentee('e-2', ['a', 'b']), mentee('e-3', ['a'])];
    const mentors = [mentor('m-1', ['a', 'b'], 2), mentor('m-2', ['a'], 2), mentor('m-3', ['a', 'b'], 1)];

    const { pairs, report } = runMatching({
      mentees,
      mentors,
      mentorsPerMentee: 2,
      rules: { ...rules, minimumScore: 0 },
      context: winter,
    });

    for (const id of ['e-1', 'e-2', 'e-3']) {
      const mentorIds = pairs.filter((p) => p.menteeId === id).map((p) => p.mentorId);
      expect(mentorIds.length).toBeLessThanOrEqual(2);
      expect(new Set(mentorIds).size).toBe(mentorIds.length);
    }
    for (const m of mentors)
      expect(pairs.filter((p) => p.mentorId === m.participantId).length).toBeLessThanOrEqual(
        m.remainingCapacity,
      );
    expect(pairs.length).toBe(5);
    expect(report.totalScore).toBe(450);
    expect(report.matched).toBe(3);
  });

  it('is deterministic: the same people in any order give the same result', () => {
    const mentees = Array.from({ length: 12 }, (_, i) =>
      mentee(
        `e-${String(i).padStart(2, '0')}`,
        ['a', 'b', 'c', 'd'].slice(0, 1 + (i % 4)),
        i % 3 ? 'Sales' : 'IT',
      ),
    );
    const mentors = Array.from({ length: 5 }, (_, i) =>
      mentor(`m-${i}`, ['a', 'b', 'c', 'd'].slice(i % 3), 2, i % 2 ? 'IT' : 'Legal'),
    );
    const input = {
      mentees,
      mentors,
      mentorsPerMentee: 1,
      rules: { ...rules, minimumScore: 20 },
      context: winter,
    };

    const first = runMatching(input);
    const second = runMatching({
      ...input,
      mentees: [...mentees].reverse(),
      mentors: [mentors[3]!, mentors[0]!, mentors[4]!, mentors[2]!, mentors[1]!],
    });

    expect(second).toEqual(first);
    expect(first.optimal).toBe(true);
    // IT has 4 mentees; Sales' 8 leave fewer than 5 either matched or not (group-disclosure.spec.ts).
    expect(first.report.groups).toEqual([]);
    expect(first.report.suppressedGroups).toBe(2);
  });

  it('on random programs: optimal, within demand and capacity, above the minimum, and every reason true', () => {
    const people = fc
      .array(profileArbitrary, { maxLength: 6 })
      .map((list) => list.map((p, i) => ({ ...p, participantId: `${p.participantId}${i}` })));
    const run = fc.record({
      mentees: people,
      mentors: people.chain((list) =>
        fc.tuple(
          ...list.map((p) =>
            fc.integer({ min: 0, max: 2 }).map((remainingCapacity) => ({ ...p, remainingCapacity })),
          ),
        ),
      ),
      mentorsPerMentee: fc.integer({ min: 1, max: 3 }),
      rules: rulesArbitrary,
      context: contextArbitrary,
    });
    fc.assert(
      fc.property(run, (input) => {
        const { pairs, report, optimal } = runMatching(input);
        expect(optimal).toBe(true);
        for (const pair of pairs) expect(pair.score).toBeGreaterThanOrEqual(input.rules.minimumScore);
        for (const mentee of input.mentees)
          expect(pairs.filter((p) => p.menteeId === mentee.participantId).length).toBeLessThanOrEqual(
            input.mentorsPerMentee,
          );
        for (const mentor of input.mentors)
          expect(pairs.filter((p) => p.mentorId === mentor.participantId).length).toBeLessThanOrEqual(
            mentor.remainingCapacity,
          );
        expect(report.matched + report.unmatched).toBe(input.mentees.length);
        for (const { menteeId, reason } of report.unmatchedMentees) {
          const mentee = input.mentees.find((m) => m.participantId === menteeId)!;
          const scores = input.mentors.map((mentor) => scorePair(mentee, mentor, input.rules, input.context));
          const eligible = scores.filter((score): score is number => score !== null);
          const expected =
            eligible.length === 0
              ? 'no-eligible-mentor'
              : eligible.some((score) => score >= input.rules.minimumScore)
                ? 'capacity-exhausted'
                : 'below-minimum-score';
          expect(reason).toBe(expected);
        }
      }),
      { numRuns: 150 },
    );
  });
});
