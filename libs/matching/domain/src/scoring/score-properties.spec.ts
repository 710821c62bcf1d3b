import fc from 'fast-check';
import { assessPair } from './assess-pair';
import { createPairScorer, scorePair } from './score-pair';
import { contextArbitrary, profileArbitrary, rulesArbitrary } from './scoring.test-kit';

const hasTwoDecimalsAtMost = (x: number) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6;
const pairs = fc.record({
  mentee: profileArbitrary,
  mentor: profileArbitrary,
  rules: rulesArbitrary,
  context: contextArbitrary,
});

describe('scoring properties (random profiles, rules and contexts)', () => {
  it('an eligible score is within 0–100 with at most 2 decimals, and is the sum of its breakdown points', () => {
    fc.assert(
      fc.property(pairs, ({ mentee, mentor, rules, context }) => {
        const assessment = assessPair(mentee, mentor, rules, context);
        if (!assessment.eligible) return;
        expect(assessment.score).toBeGreaterThanOrEqual(0);
        expect(assessment.score).toBeLessThanOrEqual(100);
        expect(hasTwoDecimalsAtMost(assessment.score)).toBe(true);
        const sum = assessment.breakdown.reduce((total, c) => total + c.points, 0);
        expect(Math.round(sum * 100) / 100).toBe(assessment.score);
        for (const c of assessment.breakdown) {
          expect(c.points).toBeGreaterThanOrEqual(0);
          expect(c.points).toBeLessThanOrEqual(c.maxPoints);
          expect(c.explanation.startsWith(`${c.criterion} ${c.points}/${c.maxPoints}: `)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('maxPoints add up to exactly 100 whenever some weight is above 0', () => {
    fc.assert(
      fc.property(pairs, ({ mentee, mentor, rules, context }) => {
        const assessment = assessPair(
          mentee,
          mentor,
          { ...rules, hardRules: { ...rules.hardRules, excludeOwnManager: false } },
          context,
        );
        if (!assessment.eligible) return;
        const anyWeight = Object.values(rules.criteriaWeights).some((w) => w > 0);
        const maxTotal =
          Math.round(assessment.breakdown.reduce((total, c) => total + c.maxPoints, 0) * 100) / 100;
        expect(maxTotal).toBe(anyWeight ? 100 : 0);
      }),
      { numRuns: 300 },
    );
  });

  it('scorePair and createPairScorer give exactly the score of assessPair, and null exactly when it is excluded', () => {
    fc.assert(
      fc.property(pairs, ({ mentee, mentor, rules, context }) => {
        const assessment = assessPair(mentee, mentor, rules, context);
        const expected = assessment.eligible ? assessment.score : null;
        expect(scorePair(mentee, mentor, rules, context)).toBe(expected);
        expect(createPairScorer([mentor, mentee], [mentee, mentor], { ...rules }, context)(1, 1)).toBe(
          expected,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('every excluded pair names at least one rule, each once, each with an explanation', () => {
    fc.assert(
      fc.property(pairs, ({ mentee, mentor, rules, context }) => {
        const assessment = assessPair(mentee, mentor, rules, context);
        if (assessment.eligible) return;
        expect(assessment.excludedBy.length).toBeGreaterThan(0);
        expect(new Set(assessment.excludedBy.map((v) => v.rule)).size).toBe(assessment.excludedBy.length);
        for (const violation of assessment.excludedBy)
          expect(violation.explanation.length).toBeGreaterThan(10);
      }),
      { numRuns: 500 },
    );
  });
});
