import { AnalyticsRuleError } from '../../shared/analytics-rule-error';
import type { Dimension } from '../dimensions';

/** Who a query selects: all of it, and per value of each personal filter (participant counts). */
export interface Selection {
  readonly participants: number;
  readonly byFilterValue: ReadonlyMap<Dimension, ReadonlyMap<string, number>>;
}

/**
 * A personal query is refused (not answered with suppressed rows) when what it selects is behind
 * 1..k-1 participants, as a whole or for one value of a personal filter: two queries differing by
 * that value would otherwise subtract down to those few people. Nobody (0) isolates no one.
 */
export function refuseIsolatingFilters(
  selection: Selection,
  filters: Readonly<Partial<Record<Dimension, readonly string[]>>>,
  k: number,
): void {
  const isolates = (participants: number) => participants > 0 && participants < k;
  for (const [dimension, values] of selection.byFilterValue) {
    for (const value of filters[dimension] ?? []) {
      if (isolates(values.get(value) ?? 0)) {
        throw new AnalyticsRuleError(
          'filter-isolates-too-few',
          `filter ${dimension}=${value} selects fewer than ${k} participants; widen or drop it`,
          'invalid',
        );
      }
    }
  }
  if (isolates(selection.participants)) {
    const named = Object.entries(filters).map(([d, values]) => `${d}=${(values ?? []).join('|')}`);
    throw new AnalyticsRuleError(
      'filter-isolates-too-few',
      `${named.length > 0 ? `filters ${named.join(', ')} select` : 'the programs in scope have'} fewer than ${k} participants; widen the filters`,
      'invalid',
    );
  }
}

/** Counts the participants a query selects, overall and per value of each personal filter. */
export class SelectionTally {
  private readonly all = new Set<string>();
  private readonly byFilterValue = new Map<Dimension, Map<string, Set<string>>>();

  constructor(personalFilters: readonly Dimension[]) {
    for (const dimension of personalFilters) this.byFilterValue.set(dimension, new Map());
  }

  add(values: Readonly<Record<Dimension, string>>, participantIds: Iterable<string>): void {
    const groups = [...this.byFilterValue].map(([dimension, byValue]) => {
      const value = values[dimension];
      const group = byValue.get(value) ?? new Set<string>();
      byValue.set(value, group);
      return group;
    });
    for (const id of participantIds) {
      this.all.add(id);
      for (const group of groups) group.add(id);
    }
  }

  selection(): Selection {
    return {
      participants: this.all.size,
      byFilterValue: new Map(
        [...this.byFilterValue].map(([dimension, byValue]) => [
          dimension,
          new Map([...byValue].map(([value, ids]) => [value, ids.size])),
        ]),
      ),
    };
  }
}
