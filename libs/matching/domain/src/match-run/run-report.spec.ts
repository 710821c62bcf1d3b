import type { MatchingProfile } from '../scoring/matching-profile';
import { aProfile } from '../scoring/scoring.test-kit';
import type { ProposedPair } from './match-run-types';
import { buildRunReport } from './run-report';

const pair = (mentee: MatchingProfile, score: number, mentorId = 'm'): ProposedPair => ({
  menteeId: mentee.participantId,
  mentorId,
  score,
  breakdown: [],
});

describe('buildRunReport', () => {
  it('counts a mentee with at least one mentor as matched, and sums scores to 2 decimals', () => {
    const [a, b, c] = [aProfile(), aProfile(), aProfile()] as [
      MatchingProfile,
      MatchingProfile,
      MatchingProfile,
    ];
    const pairs = [pair(a, 70.1, 'm1'), pair(a, 60.2, 'm2'), pair(b, 80.3)];

    const report = buildRunReport([a, b, c], pairs, []);

    expect(report).toMatchObject({
      matched: 2,
      unmatched: 1,
      totalScore: 210.6,
      meanScore: 70.2,
      minScore: 60.2,
    });
  });

  it('has no mean or minimum without pairs', () => {
    expect(buildRunReport([aProfile()], [], [])).toMatchObject({
      matched: 0,
      unmatched: 1,
      totalScore: 0,
      meanScore: null,
      minScore: null,
    });
  });

  it('shows a group of 5 or more mentees and suppresses a group of 4, counting it but never naming it', () => {
    const people = (department: string, count: number) =>
      Array.from({ length: count }, (_, i) =>
        aProfile({ department: i === 0 ? department : ` ${department.toLowerCase()}`, location: 'Paris' }),
      );
    const [sales, eng, legal] = [people('Sales', 10), people('Eng', 10), people('Legal', 4)];
    const pairs = [...sales.slice(0, 5), ...eng.slice(0, 5), ...legal].map((m, i) => pair(m, 50 + i));

    const report = buildRunReport([...sales, ...eng, ...legal], pairs, []);

    expect(report.groups).toEqual([
      { dimension: 'department', group: 'Eng', mentees: 10, matched: 5, matchRate: 0.5, meanScore: 57 },
      { dimension: 'department', group: 'Sales', mentees: 10, matched: 5, matchRate: 0.5, meanScore: 52 },
      { dimension: 'location', group: 'Paris', mentees: 24, matched: 14, matchRate: 0.5833, meanScore: 56.5 },
    ]);
    expect(report.suppressedGroups).toBe(1);
    expect(JSON.stringify(report.groups)).not.toContain('Legal');
  });

  it('groups consented demographics only; people without the attribute form no group', () => {
    const consenting = Array.from({ length: 10 }, () => aProfile({ demographics: { gender: 'woman' } }));
    const withoutConsent = Array.from({ length: 6 }, () => aProfile());

    const report = buildRunReport(
      [...consenting, ...withoutConsent],
      consenting.slice(0, 5).map((m) => pair(m, 40)),
      [],
    );

    expect(report.groups).toEqual([
      {
        dimension: 'demographic:gender',
        group: 'woman',
        mentees: 10,
        matched: 5,
        matchRate: 0.5,
        meanScore: 40,
      },
    ]);
    expect(report.suppressedGroups).toBe(0);
  });
});
