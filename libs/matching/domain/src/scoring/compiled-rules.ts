import { DomainError } from '@tandem/kernel';
import type { CustomQuestion, MatchingRules } from './matching-profile';

export const builtInCriteria = [
  'skills',
  'focus-areas',
  'seniority',
  'languages',
  'location',
  'timezone',
  'department',
] as const;
export type BuiltInCriterion = (typeof builtInCriteria)[number];

/** How a criterion compares two profiles; a small integer so the hot path switches on numbers. */
export const measures = {
  skills: 0,
  'focus-areas': 1,
  seniority: 2,
  languages: 3,
  location: 4,
  timezone: 5,
  department: 6,
  'single-choice': 7,
  'multi-choice': 8,
  number: 9,
} as const;
export type Measure = (typeof measures)[keyof typeof measures];

/**
 * A criterion in use (weight > 0), with its share of the 100 points in hundredths of a point.
 * One object shape for every criterion keeps the hot path's property loads monomorphic.
 */
export interface CompiledCriterion {
  readonly code: string;
  readonly measure: Measure;
  readonly maxHundredths: number;
  /** The custom question behind a `question:<id>` criterion, else null. */
  readonly question: CustomQuestion | null;
  /** Index of the question's answer in a prepared profile, -1 for built-in criteria. */
  readonly slot: number;
  /** max - min of a number question, else 0. */
  readonly numberRange: number;
}

export interface CompiledRules {
  readonly rules: MatchingRules;
  readonly criteria: readonly CompiledCriterion[];
  /** Questions that some criterion uses, indexed by the criterion's `slot`. */
  readonly questions: readonly CustomQuestion[];
}

const questionPrefix = 'question:';

/**
 * Checks the weights and splits the 100 points between the criteria in use, in proportion to
 * their weights. Shares are whole hundredths apportioned by largest remainder, so the shown
 * maxPoints always add up to exactly 100.
 */
export function compileRules(rules: MatchingRules): CompiledRules {
  const used = Object.entries(rules.criteriaWeights).filter(
    ([code, weight]) => checkWeight(code, weight) > 0,
  );
  const shares = apportion(
    used.map(([, weight]) => weight),
    10_000,
  );
  const questions: CustomQuestion[] = [];
  const criteria = used.map(([code], index): CompiledCriterion => {
    const maxHundredths = shares[index] as number;
    if (!code.startsWith(questionPrefix))
      return {
        code,
        measure: measures[builtInKind(code)],
        maxHundredths,
        question: null,
        slot: -1,
        numberRange: 0,
      };
    const question = rules.questions.find((q) => q.id === code.slice(questionPrefix.length));
    if (!question)
      throw new DomainError(
        'unknown-question',
        `criteriaWeights names a question that does not exist: ${code}`,
        'invalid',
      );
    questions.push(question);
    const numberRange = question.kind === 'number' ? question.max - question.min : 0;
    return {
      code,
      measure: measures[question.kind],
      maxHundredths,
      question,
      slot: questions.length - 1,
      numberRange,
    };
  });
  return { rules, criteria, questions };
}

function checkWeight(code: string, weight: number): number {
  if (!Number.isFinite(weight) || weight < 0) {
    throw new DomainError(
      'invalid-weight',
      `criteriaWeights.${code} must be a finite number ≥ 0, got ${weight}`,
      'invalid',
    );
  }
  return weight;
}

function builtInKind(code: string): BuiltInCriterion {
  const kind = builtInCriteria.find((known) => known === code);
  if (!kind) {
    throw new DomainError(
      'unknown-criterion',
      `Unknown matching criterion "${code}" (known: ${builtInCriteria.join(', ')}, question:<id>)`,
      'invalid',
    );
  }
  return kind;
}

/** Whole-number shares of `total` proportional to the weights, summing to `total` (ties go to the earlier one). */
function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, remainder: x - Math.floor(x) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    shares[i] = (shares[i] as number) + 1;
  }
  return shares;
}
