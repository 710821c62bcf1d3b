import { compareRuns } from './compare-runs';
import type { MatchRunReport, ProposedPair } from './match-run-types';

const pair = (menteeId: string, mentorId: string, score: number): ProposedPair => ({
  menteeId,
  mentorId,
  score,
  breakdown: [],
});
const report = (
  figures: Pick<MatchRunReport, 'matched' | 'unmatched' | 'totalScore' | 'meanScore' | 'minScore'>,
): MatchRunReport => ({
  ...figures,
  unmatchedMentees: [],
  groups: [],
  suppressedGroups: 0,
});

describe('compareRuns', () => {
  it('lists pairs added, removed and rescored, and the headline figures side by side', () => {
    const before = {
      pairs: [pair('e2', 'm1', 70), pair('e1', 'm1', 80.5), pair('e3', 'm2', 40)],
      report: report({ matched: 3, unmatched: 1, totalScore: 190.5, meanScore: 63.5, minScore: 40 }),
    };
    const after = {
      pairs: [pair('e1', 'm1', 82.25), pair('e3', 'm3', 60), pair('e2', 'm1', 70), pair('e4', 'm2', 55)],
      report: report({ matched: 4, unmatched: 0, totalScore: 267.25, meanScore: 66.81, minScore: 55 }),
    };

    const comparison = compareRuns(before, after);

    expect(comparison.added).toEqual([pair('e3', 'm3', 60), pair('e4', 'm2', 55)]);
    expect(comparison.removed).toEqual([pair('e3', 'm2', 40)]);
    expect(comparison.scoreChanged).toEqual([{ menteeId: 'e1', mentorId: 'm1', before: 80.5, after: 82.25 }]);
    expect(comparison.figures).toEqual([
      { name: 'matched', before: 3, after: 4, delta: 1 },
      { name: 'unmatched', before: 1, after: 0, delta: -1 },
      { name: 'totalScore', before: 190.5, after: 267.25, delta: 76.75 },
      { name: 'meanScore', before: 63.5, after: 66.81, delta: 3.31 },
      { name: 'minScore', before: 40, after: 55, delta: 15 },
    ]);
  });

  it('a figure missing on either side has no delta', () => {
    const empty = {
      pairs: [],
      report: report({ matched: 0, unmatched: 2, totalScore: 0, meanScore: null, minScore: null }),
    };
    const one = {
      pairs: [pair('e1', 'm1', 50)],
      report: report({ matched: 1, unmatched: 1, totalScore: 50, meanScore: 50, minScore: 50 }),
    };

    const comparison = compareRuns(empty, one);

    expect(comparison.added).toEqual([pair('e1', 'm1', 50)]);
    expect(comparison.figures.find((f) => f.name === 'meanScore')).toEqual({
      name: 'meanScore',
      before: null,
      after: 50,
      delta: null,
    });
  });
});
