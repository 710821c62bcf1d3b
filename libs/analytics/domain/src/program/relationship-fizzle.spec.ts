import { factSetOf } from '../facts/fact-set';
import type { Fact, ProgramFact, RelationshipFact, SessionFact } from '../facts/fact-types';
import { addDays } from '../shared/time';
import { programHealth } from './program-health';

const programId = 'p-1';
const start = '2026-01-01T09:00:00.000Z';
// Two sessions a month: 15-day cadence windows; 120 days later, eight full windows.
const at = addDays(start, 120);
const program: ProgramFact = {
  kind: 'program',
  programId,
  programType: 'one-to-one',
  status: 'active',
  sessionsPerMonth: 2,
  adminIds: [],
};
const relationship = (id: string, startedAt = start): RelationshipFact => ({
  kind: 'relationship',
  relationshipId: id,
  programId,
  mentorIds: [`mentor-${id}`],
  menteeIds: [`mentee-${id}`],
  status: 'active',
  proposedAt: startedAt,
  startedAt,
  endedAt: null,
  endReason: null,
  sessionsPerMonth: null,
  reflectionRatings: [],
});
/** `perWindow[i]` sessions held in the i-th 15-day window of relationship `id`. */
const sessions = (id: string, perWindow: number[], from = start): SessionFact[] =>
  perWindow.flatMap((count, window) =>
    Array.from({ length: count }, (_, n) => ({
      kind: 'session' as const,
      sessionId: `${id}-${window}-${n}`,
      relationshipId: id,
      programId,
      status: 'held' as const,
      heldAt: addDays(from, window * 15 + 1 + n * 5),
      durationMinutes: 60,
      ratings: [],
    })),
  );
const health = (facts: Fact[]) => programHealth(factSetOf([program, ...facts]), programId, at);

describe('per-relationship fizzle in the health report', () => {
  const steady = [relationship('steady-a'), ...sessions('steady-a', [1, 1, 1, 1, 1, 1, 1, 1])];
  const alsoSteady = [relationship('steady-b'), ...sessions('steady-b', [1, 1, 1, 1, 1, 1, 1, 1])];

  it('given a pair that met twice per window at first and not at all lately, flags it with the figures', () => {
    const faded = [relationship('faded'), ...sessions('faded', [2, 2, 2, 2, 1, 1, 0, 0])];
    const report = health([...steady, ...alsoSteady, ...faded]);
    expect(report.relationshipsAtRisk).toEqual([
      {
        relationshipId: 'faded',
        reasons: ['no-session-within-cadence', 'faded-after-strong-start'],
        fizzle: {
          windowDays: 15,
          windows: 8,
          firstHalfPerWindow: 2,
          recentPerWindow: 0,
          programMedianPerWindow: 1,
        },
      },
    ]);
  });

  it('does not flag a pair that was never above the median, nor one still meeting at half the median', () => {
    const quiet = [relationship('quiet'), ...sessions('quiet', [1, 0, 1, 0, 0, 0, 0, 0])];
    const slowing = [relationship('slowing'), ...sessions('slowing', [2, 2, 2, 2, 1, 1, 1, 0])];
    const flagged = health([...steady, ...alsoSteady, ...quiet, ...slowing]).relationshipsAtRisk;
    expect(flagged.filter((r) => r.reasons.includes('faded-after-strong-start'))).toEqual([]);
  });

  it('waits for four full windows before judging a trend', () => {
    const young = addDays(at, -50);
    const startedStrong = [relationship('young', young), ...sessions('young', [3, 0, 0], young)];
    const flagged = health([...steady, ...alsoSteady, ...startedStrong]).relationshipsAtRisk;
    expect(flagged.find((r) => r.relationshipId === 'young')?.reasons).not.toContain(
      'faded-after-strong-start',
    );
  });
});
