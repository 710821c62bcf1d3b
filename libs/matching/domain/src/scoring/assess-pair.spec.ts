import { assessPair, type PairAssessment } from './assess-pair';
import type { MatchingRules } from './matching-profile';
import { aProfile, someRules, summer, winter } from './scoring.test-kit';

function breakdownOf(assessment: PairAssessment) {
  if (!assessment.eligible)
    throw new Error(`expected an eligible pair, got ${JSON.stringify(assessment.excludedBy)}`);
  return assessment.breakdown;
}

function only(code: string, weight = 40): MatchingRules {
  return someRules({ criteriaWeights: { [code]: weight } });
}

describe('assessPair: criteria', () => {
  it('skills: the mentor covers part of what the mentee seeks, names the common skills, case-insensitive and trimmed', () => {
    const mentee = aProfile({ skillsSought: ['Negotiation', 'public speaking ', 'finance', 'NEGOTIATION'] });
    const mentor = aProfile({ skillsOffered: [' negotiation', 'Public Speaking', 'coaching'] });
    const rules = someRules({ criteriaWeights: { skills: 40, languages: 60 } });

    const assessment = assessPair(mentee, mentor, rules, winter);

    expect(assessment).toEqual({
      eligible: true,
      score: 26.67,
      breakdown: [
        {
          criterion: 'skills',
          points: 26.67,
          maxPoints: 40,
          explanation: 'skills 26.67/40: Negotiation, public speaking in common (2 of 3 sought)',
        },
        {
          criterion: 'languages',
          points: 0,
          maxPoints: 60,
          explanation: 'languages 0/60: the mentee lists no languages',
        },
      ],
    });
  });

  it('skills: nothing in common, and nothing sought', () => {
    const mentor = aProfile({ skillsOffered: ['coaching'] });
    expect(
      breakdownOf(assessPair(aProfile({ skillsSought: ['finance'] }), mentor, only('skills'), winter))[0]
        ?.explanation,
    ).toBe('skills 0/100: none of the 1 skills sought is offered');
    expect(breakdownOf(assessPair(aProfile(), mentor, only('skills'), winter))[0]?.explanation).toBe(
      'skills 0/100: the mentee seeks no skills',
    );
  });

  it("focus-areas: the mentor's focus areas and offered skills both cover the mentee's focus areas", () => {
    const mentee = aProfile({ focusAreas: ['Leadership', 'career change', 'finance', 'sales'] });
    const mentor = aProfile({ focusAreas: ['leadership'], skillsOffered: ['Career Change'] });

    const [focus] = breakdownOf(assessPair(mentee, mentor, only('focus-areas'), winter));

    expect(focus).toEqual({
      criterion: 'focus-areas',
      points: 50,
      maxPoints: 100,
      explanation: 'focus-areas 50/100: Leadership, career change in common (2 of 4 focus areas)',
    });
  });

  it.each([
    ['one-to-one', 3, 4, 100, 'mentor is 1 level more senior (mentee 3, mentor 4)'],
    ['one-to-one', 3, 5, 100, 'mentor is 2 levels more senior (mentee 3, mentor 5)'],
    ['one-to-one', 1, 5, 50, 'mentor is 4 levels more senior (mentee 1, mentor 5)'],
    ['group', 3, 3, 0, 'mentor is not more senior (mentee 3, mentor 3)'],
    ['one-to-one', 5, 2, 0, 'mentor is not more senior (mentee 5, mentor 2)'],
    ['reverse', 6, 4, 100, 'mentor is 2 levels more junior (mentee 6, mentor 4)'],
    ['reverse', 7, 1, 33.33, 'mentor is 6 levels more junior (mentee 7, mentor 1)'],
    ['peer', 4, 4, 100, 'same level (4)'],
    ['peer', 4, 5, 50, 'levels 1 apart (mentee 4, mentor 5)'],
    ['peer', 5, 2, 25, 'levels 3 apart (mentee 5, mentor 2)'],
  ] as const)(
    'seniority in a %s program: mentee level %d, mentor level %d → %d points',
    (programType, menteeLevel, mentorLevel, points, words) => {
      const rules = someRules({ programType, criteriaWeights: { seniority: 1 } });

      const [seniority] = breakdownOf(
        assessPair(aProfile({ level: menteeLevel }), aProfile({ level: mentorLevel }), rules, winter),
      );

      expect(seniority).toEqual({
        criterion: 'seniority',
        points,
        maxPoints: 100,
        explanation: `seniority ${points}/100: ${words}`,
      });
    },
  );

  it('seniority: an unknown level earns nothing and says which one is missing', () => {
    const [seniority] = breakdownOf(
      assessPair(aProfile({ level: 3 }), aProfile(), only('seniority'), winter),
    );
    expect(seniority?.explanation).toBe('seniority 0/100: level unknown (mentee 3, mentor ?)');
  });

  it('languages: any common language earns the points', () => {
    const [languages] = breakdownOf(
      assessPair(
        aProfile({ languages: ['English', 'French'] }),
        aProfile({ languages: ['french', 'german'] }),
        only('languages', 10),
        winter,
      ),
    );
    expect(languages).toEqual({
      criterion: 'languages',
      points: 100,
      maxPoints: 100,
      explanation: 'languages 100/100: French in common',
    });
  });

  it('location: same place scores, different or unknown places do not', () => {
    const rules = only('location');
    expect(
      breakdownOf(
        assessPair(aProfile({ location: 'Paris' }), aProfile({ location: ' paris' }), rules, winter),
      )[0]?.explanation,
    ).toBe('location 100/100: both in Paris');
    expect(
      breakdownOf(
        assessPair(aProfile({ location: 'Paris' }), aProfile({ location: 'London' }), rules, winter),
      )[0]?.explanation,
    ).toBe('location 0/100: different locations (mentee Paris, mentor London)');
    expect(
      breakdownOf(assessPair(aProfile({ location: 'Paris' }), aProfile(), rules, winter))[0]?.explanation,
    ).toBe('location 0/100: location unknown (mentee Paris, mentor ?)');
  });

  it('department: a different department scores (cross-department exposure), the same one does not', () => {
    const rules = only('department');
    expect(
      breakdownOf(
        assessPair(aProfile({ department: 'Sales' }), aProfile({ department: 'Finance' }), rules, winter),
      )[0],
    ).toEqual({
      criterion: 'department',
      points: 100,
      maxPoints: 100,
      explanation: 'department 100/100: different departments (mentee Sales, mentor Finance)',
    });
    expect(
      breakdownOf(
        assessPair(aProfile({ department: 'Sales' }), aProfile({ department: 'sales' }), rules, winter),
      )[0]?.explanation,
    ).toBe('department 0/100: same department (Sales)');
  });

  it('timezone: a smaller offset gap scores more, computed at the context instant (DST)', () => {
    const mentee = aProfile({ timezone: 'Europe/Paris' });
    const mentor = aProfile({ timezone: 'America/New_York' });
    const rules = only('timezone', 12);

    expect(breakdownOf(assessPair(mentee, mentor, rules, winter))[0]?.explanation).toBe(
      'timezone 50/100: 6h apart (mentee UTC+01:00, mentor UTC-05:00)',
    );
    expect(
      breakdownOf(assessPair(mentee, aProfile({ timezone: 'Asia/Kolkata' }), rules, summer))[0]?.explanation,
    ).toBe('timezone 70.83/100: 3.5h apart (mentee UTC+02:00, mentor UTC+05:30)');
    expect(
      breakdownOf(assessPair(mentee, aProfile({ timezone: 'Europe/Berlin' }), rules, summer))[0]?.explanation,
    ).toBe('timezone 100/100: same UTC offset (UTC+02:00)');
  });

  it('timezone: an unknown zone is explained, not thrown, and earns nothing', () => {
    const [timezone] = breakdownOf(
      assessPair(
        aProfile({ timezone: 'Europe/Paris' }),
        aProfile({ timezone: 'Mars/Olympus' }),
        only('timezone'),
        winter,
      ),
    );
    expect(timezone).toEqual({
      criterion: 'timezone',
      points: 0,
      maxPoints: 100,
      explanation: "timezone 0/100: unknown timezone 'Mars/Olympus'",
    });
  });

  describe('custom questions', () => {
    const rules = someRules({
      criteriaWeights: { 'question:time': 1, 'question:topics': 1, 'question:hours': 2 },
      questions: [
        { id: 'time', kind: 'single-choice', options: ['morning', 'evening'] },
        { id: 'topics', kind: 'multi-choice', options: ['a', 'b', 'c', 'd'] },
        { id: 'hours', kind: 'number', min: 0, max: 10 },
      ],
    });

    it('single-choice same answer, multi-choice Jaccard overlap, number closeness over the range', () => {
      const mentee = aProfile({ answers: { time: 'Morning', topics: ['a', 'b', 'c'], hours: 2 } });
      const mentor = aProfile({ answers: { time: 'morning', topics: ['b', 'c', 'd'], hours: 5 } });

      expect(assessPair(mentee, mentor, rules, winter)).toEqual({
        eligible: true,
        score: 72.5,
        breakdown: [
          {
            criterion: 'question:time',
            points: 25,
            maxPoints: 25,
            explanation: 'question:time 25/25: same answer (Morning)',
          },
          {
            criterion: 'question:topics',
            points: 12.5,
            maxPoints: 25,
            explanation: 'question:topics 12.5/25: b, c in common (2 of 4 distinct answers)',
          },
          {
            criterion: 'question:hours',
            points: 35,
            maxPoints: 50,
            explanation: 'question:hours 35/50: answers 2 and 5, 3 apart on a 0–10 scale',
          },
        ],
      });
    });

    it('an unanswered question earns nothing', () => {
      const assessment = assessPair(
        aProfile({ answers: { time: 'evening' } }),
        aProfile({ answers: { time: 'morning' } }),
        rules,
        winter,
      );
      expect(breakdownOf(assessment).map((c) => c.explanation)).toEqual([
        'question:time 0/25: different answers (mentee evening, mentor morning)',
        'question:topics 0/25: not answered by both',
        'question:hours 0/50: not answered by both',
      ]);
    });
  });

  it('weights are shares of 100: three equal weights give 33.34 + 33.33 + 33.33', () => {
    const rules = someRules({ criteriaWeights: { skills: 1, languages: 1, location: 1, department: 0 } });
    const breakdown = breakdownOf(assessPair(aProfile(), aProfile(), rules, winter));
    expect(breakdown.map((c) => [c.criterion, c.maxPoints])).toEqual([
      ['skills', 33.34],
      ['languages', 33.33],
      ['location', 33.33],
    ]);
  });

  it('without any weight every eligible pair scores 0 with an empty breakdown', () => {
    expect(assessPair(aProfile(), aProfile(), someRules(), winter)).toEqual({
      eligible: true,
      score: 0,
      breakdown: [],
    });
  });
});
