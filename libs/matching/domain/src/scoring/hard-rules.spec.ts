import { assessPair } from './assess-pair';
import type { HardRules } from './matching-profile';
import { scorePair } from './score-pair';
import { aProfile, noHardRules, someRules, winter } from './scoring.test-kit';

const allRules: HardRules = {
  excludeSameDepartment: true,
  excludeOwnManager: true,
  excludePreviousPairs: true,
  requireCommonLanguage: true,
  maxTimezoneGapHours: 3,
};

describe('assessPair: hard rules', () => {
  it('self: the same user on both sides (peer programs enrol people on both sides) is always excluded', () => {
    const person = aProfile();
    const sameUserOtherEnrolment = aProfile({ userId: person.userId });
    const rules = someRules({ programType: 'peer', criteriaWeights: { skills: 1 } });

    expect(assessPair(person, sameUserOtherEnrolment, rules, winter)).toEqual({
      eligible: false,
      excludedBy: [
        { rule: 'self', explanation: `mentee and mentor are the same person (user ${person.userId})` },
      ],
    });
    expect(scorePair(person, sameUserOtherEnrolment, rules, winter)).toBeNull();
  });

  it('same-department only when the program excludes it, case-insensitively', () => {
    const mentee = aProfile({ department: 'Sales' });
    const mentor = aProfile({ department: ' sales' });

    expect(
      assessPair(
        mentee,
        mentor,
        someRules({ hardRules: { ...noHardRules, excludeSameDepartment: true } }),
        winter,
      ),
    ).toEqual({
      eligible: false,
      excludedBy: [
        {
          rule: 'same-department',
          explanation: 'both are in department Sales and the program excludes same-department pairs',
        },
      ],
    });
    expect(assessPair(mentee, mentor, someRules(), winter).eligible).toBe(true);
  });

  it('own-manager: the mentor manages the mentee, or the mentee manages the mentor', () => {
    const rules = someRules({ hardRules: { ...noHardRules, excludeOwnManager: true } });
    const manager = aProfile();
    const report = aProfile({ managerId: manager.userId });

    expect(assessPair(report, manager, rules, winter)).toEqual({
      eligible: false,
      excludedBy: [
        { rule: 'own-manager', explanation: `the mentor (user ${manager.userId}) is the mentee's manager` },
      ],
    });
    expect(assessPair(manager, report, rules, winter)).toEqual({
      eligible: false,
      excludedBy: [
        { rule: 'own-manager', explanation: `the mentee (user ${manager.userId}) is the mentor's manager` },
      ],
    });
    expect(assessPair(report, manager, someRules(), winter).eligible).toBe(true);
  });

  it('previously-paired: in either direction, when the program excludes previous pairs', () => {
    const rules = someRules({ hardRules: { ...noHardRules, excludePreviousPairs: true } });
    const mentee = aProfile();
    const mentor = aProfile();
    const before = { ...winter, previousPairs: new Set([`${mentor.userId}|${mentee.userId}`]) };

    expect(assessPair(mentee, mentor, rules, before)).toEqual({
      eligible: false,
      excludedBy: [
        {
          rule: 'previously-paired',
          explanation: `users ${mentee.userId} and ${mentor.userId} were paired before and the program excludes previous pairs`,
        },
      ],
    });
    expect(assessPair(mentee, mentor, rules, winter).eligible).toBe(true);
  });

  it('no-common-language: only when both sides list languages', () => {
    const rules = someRules({ hardRules: { ...noHardRules, requireCommonLanguage: true } });
    const mentee = aProfile({ languages: ['English'] });

    expect(assessPair(mentee, aProfile({ languages: ['French', 'German'] }), rules, winter)).toEqual({
      eligible: false,
      excludedBy: [
        {
          rule: 'no-common-language',
          explanation: 'no common language (mentee: English; mentor: French, German)',
        },
      ],
    });
    expect(assessPair(mentee, aProfile({ languages: ['english'] }), rules, winter).eligible).toBe(true);
    expect(assessPair(mentee, aProfile(), rules, winter).eligible).toBe(true);
  });

  it('timezone-gap: offsets at the context instant; a missing or unknown zone does not exclude', () => {
    const rules = someRules({ hardRules: { ...noHardRules, maxTimezoneGapHours: 5 } });
    const paris = aProfile({ timezone: 'Europe/Paris' });

    expect(assessPair(paris, aProfile({ timezone: 'America/New_York' }), rules, winter)).toEqual({
      eligible: false,
      excludedBy: [
        {
          rule: 'timezone-gap',
          explanation:
            'timezones 6h apart (mentee Europe/Paris UTC+01:00, mentor America/New_York UTC-05:00), more than the 5h allowed',
        },
      ],
    });
    expect(assessPair(paris, aProfile({ timezone: 'Asia/Dubai' }), rules, winter).eligible).toBe(true);
    expect(assessPair(paris, aProfile({ timezone: 'Nowhere/Special' }), rules, winter).eligible).toBe(true);
    expect(assessPair(paris, aProfile(), rules, winter).eligible).toBe(true);
  });

  it('reverse-direction: in a reverse program the mentor must be more junior, when both levels are known', () => {
    const rules = someRules({ programType: 'reverse' });

    expect(assessPair(aProfile({ level: 3 }), aProfile({ level: 3 }), rules, winter)).toEqual({
      eligible: false,
      excludedBy: [
        {
          rule: 'reverse-direction',
          explanation:
            'in a reverse program the mentor must be more junior than the mentee (mentee 3, mentor 3)',
        },
      ],
    });
    expect(assessPair(aProfile({ level: 5 }), aProfile({ level: 2 }), rules, winter).eligible).toBe(true);
    expect(assessPair(aProfile({ level: 5 }), aProfile(), rules, winter).eligible).toBe(true);
  });

  it('one-to-one programs have no direction rule: a junior mentor is eligible but earns no seniority points', () => {
    const rules = someRules({ criteriaWeights: { seniority: 1 } });
    expect(assessPair(aProfile({ level: 5 }), aProfile({ level: 2 }), rules, winter)).toMatchObject({
      eligible: true,
      score: 0,
    });
  });

  it('lists every violated rule, in a fixed order', () => {
    const mentee = aProfile({ department: 'it', languages: ['en'], timezone: 'Asia/Tokyo', level: 1 });
    const mentor = aProfile({
      userId: mentee.userId,
      managerId: mentee.userId,
      department: 'IT',
      languages: ['fr'],
      timezone: 'Europe/London',
      level: 4,
    });
    const context = { ...winter, previousPairs: new Set([`${mentee.userId}|${mentee.userId}`]) };

    const assessment = assessPair(
      mentee,
      mentor,
      someRules({ programType: 'reverse', hardRules: allRules }),
      context,
    );

    expect(assessment.eligible ? [] : assessment.excludedBy.map((v) => v.rule)).toEqual([
      'self',
      'same-department',
      'own-manager',
      'previously-paired',
      'no-common-language',
      'timezone-gap',
      'reverse-direction',
    ]);
  });
});
