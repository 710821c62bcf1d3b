// The example in libs/matching/domain/README.md ("Scoring"), kept honest by running it.
import { assessPair } from './assess-pair';
import type { MatchingProfile, MatchingRules, ScoringContext } from './matching-profile';
import { createPairScorer } from './score-pair';

describe('README example', () => {
  it('explains a score and an exclusion', () => {
    const mentee: MatchingProfile = {
      participantId: 'p-ana',
      userId: 'u-ana',
      managerId: 'u-bo',
      department: 'Sales',
      timezone: 'Europe/Paris',
      level: 2,
      languages: ['English', 'French'],
      skillsOffered: [],
      skillsSought: ['Negotiation', 'Public speaking', 'Finance', 'Coaching'],
      focusAreas: [],
      answers: {},
    };
    const mentor: MatchingProfile = {
      participantId: 'p-kim',
      userId: 'u-kim',
      department: 'Finance',
      timezone: 'America/New_York',
      level: 4,
      languages: ['french'],
      skillsOffered: ['negotiation', 'public speaking'],
      skillsSought: [],
      focusAreas: [],
      answers: {},
    };
    const manager: MatchingProfile = { ...mentor, participantId: 'p-bo', userId: 'u-bo' };
    const rules: MatchingRules = {
      programType: 'one-to-one',
      criteriaWeights: { skills: 40, seniority: 20, timezone: 20, department: 20 },
      hardRules: {
        excludeSameDepartment: true,
        excludeOwnManager: true,
        excludePreviousPairs: true,
        requireCommonLanguage: true,
        maxTimezoneGapHours: 8,
      },
      questions: [],
      minimumScore: 50,
    };
    const context: ScoringContext = { previousPairs: new Set(), at: new Date('2026-01-15T12:00:00Z') };

    expect(assessPair(mentee, mentor, rules, context)).toEqual({
      eligible: true,
      score: 70,
      breakdown: [
        {
          criterion: 'skills',
          points: 20,
          maxPoints: 40,
          explanation: 'skills 20/40: Negotiation, Public speaking in common (2 of 4 sought)',
        },
        {
          criterion: 'seniority',
          points: 20,
          maxPoints: 20,
          explanation: 'seniority 20/20: mentor is 2 levels more senior (mentee 2, mentor 4)',
        },
        {
          criterion: 'timezone',
          points: 10,
          maxPoints: 20,
          explanation: 'timezone 10/20: 6h apart (mentee UTC+01:00, mentor UTC-05:00)',
        },
        {
          criterion: 'department',
          points: 20,
          maxPoints: 20,
          explanation: 'department 20/20: different departments (mentee Sales, mentor Finance)',
        },
      ],
    });
    expect(assessPair(mentee, manager, rules, context)).toEqual({
      eligible: false,
      excludedBy: [{ rule: 'own-manager', explanation: "the mentor (user u-bo) is the mentee's manager" }],
    });
    const score = createPairScorer([mentee], [mentor, manager], rules, context);
    expect([score(0, 0), score(0, 1)]).toEqual([70, null]);
  });
});
