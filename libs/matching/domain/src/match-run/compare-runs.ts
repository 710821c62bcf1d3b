import { compareText } from './compare-text';
import type { MatchRunReport, ProposedPair } from './match-run-types';

export interface RunSnapshot {
  readonly pairs: readonly ProposedPair[];
  readonly report: MatchRunReport;
}

export interface RunComparison {
  added: ProposedPair[];
  removed: ProposedPair[];
  scoreChanged: { menteeId: string; mentorId: string; before: number; after: number }[];
  figures: { name: ComparedFigure; before: number | null; after: number | null; delta: number | null }[];
}

export const comparedFigures = ['matched', 'unmatched', 'totalScore', 'meanScore', 'minScore'] as const;
export type ComparedFigure = (typeof comparedFigures)[number];

/** What changes from one draft run to another: pairs (by mentee and mentor) and the headline figures. */
export function compareRuns(before: RunSnapshot, after: RunSnapshot): RunComparison {
  const beforePairs = byPairKey(before.pairs);
  const afterPairs = byPairKey(after.pairs);
  const added = [...afterPairs].filter(([key]) => !beforePairs.has(key)).map(([, pair]) => pair);
  const removed = [...beforePairs].filter(([key]) => !afterPairs.has(key)).map(([, pair]) => pair);
  const scoreChanged = [...afterPairs].flatMap(([key, pair]) => {
    const earlier = beforePairs.get(key);
    return earlier && earlier.score !== pair.score
      ? [{ menteeId: pair.menteeId, mentorId: pair.mentorId, before: earlier.score, after: pair.score }]
      : [];
  });
  const figures = comparedFigures.map((name) => {
    const a = before.report[name];
    const b = after.report[name];
    return {
      name,
      before: a,
      after: b,
      delta: a === null || b === null ? null : Math.round((b - a) * 100) / 100,
    };
  });
  return {
    added: added.sort(byIds),
    removed: removed.sort(byIds),
    scoreChanged: scoreChanged.sort(byIds),
    figures,
  };
}

function byPairKey(pairs: readonly ProposedPair[]): Map<string, ProposedPair> {
  return new Map(pairs.map((pair) => [`${pair.menteeId}\u0000${pair.mentorId}`, pair]));
}

function byIds(a: { menteeId: string; mentorId: string }, b: { menteeId: string; mentorId: string }): number {
  return compareText(a.menteeId, b.menteeId) || compareText(a.mentorId, b.mentorId);
}
