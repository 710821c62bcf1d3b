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

  it('shows a group of 5 mentees and suppresses a group of 4, counting it but never naming it', () => {
    const sales = Array.from({ length: 5 }, (_, i) =>
      aProfile({ department: i === 0 ? 'Sales' : ' sales', location: 'Paris' }),
    );
    const legal = Array.from({ length: 4 }, () => aProfile({ department: 'Legal', location: 'Paris' }));
    const pairs = [pair(sales[0]!, 50), pair(sales[1]!, 61), pair(legal[0]!, 90)];

    const report = buildRunReport([...sales, ...legal], pairs, []);

    expect(report.groups).toEqual([
      { dimension: 'department', group: 'Sales', mentees: 5, matched: 2, matchRate: 0.4, meanScore: 55.5 },
      { dimension: 'location', group: 'Paris', mentees: 9, matched: 3, matchRate: 0.3333, meanScore: 67 },
    ]);
    expect(report.suppressedGroups).toBe(1);
    expect(JSON.stringify(report.groups)).not.toContain('Legal');
  });

  it('groups consented demographics only; people without the attribute form no group', () => {
    const consenting = Array.from({ length: 5 }, () => aProfile({ demographics: { gender: 'woman' } }));
    const withoutConsent = Array.from({ length: 6 }, () => aProfile());

    const report = buildRunReport([...consenting, ...withoutConsent], [pair(consenting[0]!, 40)], []);

    expect(report.groups).toEqual([
      {
        dimension: 'demographic:gender',
        group: 'woman',
        mentees: 5,
        matched: 1,
        matchRate: 0.2,
        meanScore: 40,
      },
    ]);
    expect(report.suppressedGroups).toBe(0);
  });
});
