import { DomainError } from '@tandem/kernel';
import { compileRules } from './compiled-rules';
import { someRules } from './scoring.test-kit';

describe('compileRules', () => {
  it('splits 100 points in proportion to the weights, in whole hundredths that add up to exactly 100', () => {
    const compiled = compileRules(
      someRules({ criteriaWeights: { skills: 2, languages: 1, timezone: 0, location: 4 } }),
    );
    expect(compiled.criteria.map((c) => [c.code, c.maxHundredths])).toEqual([
      ['skills', 2857],
      ['languages', 1429],
      ['location', 5714],
    ]);
  });

  it.each([
    [{ seniorty: 1 }, 'unknown-criterion'],
    [{ 'question:missing': 1 }, 'unknown-question'],
    [{ skills: -1 }, 'invalid-weight'],
  ])('refuses %j with %s', (criteriaWeights, code) => {
    const compile = () => compileRules(someRules({ criteriaWeights }));
    expect(compile).toThrow(DomainError);
    expect(compile).toThrow(expect.objectContaining({ code, kind: 'invalid' }));
  });
});
