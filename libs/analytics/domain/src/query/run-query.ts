import type { FactSet } from '../facts/fact-set';
import { mean, median, rounded } from '../shared/statistics';
import { dayOf } from '../shared/time';
import type { AnalyticsQuery } from './analytics-query';
import { dimensionValues, PERSONAL_DIMENSIONS, type Dimension } from './dimensions';
import { AGGREGATION, contributionsOf, type Measure } from './measures';
import { periodOf, type TimeGrain } from './time-grain';

export const DEFAULT_K_ANONYMITY = 5;

export interface QueryRow {
  readonly dimensions: Readonly<Partial<Record<Dimension, string>>>;
  readonly period?: string;
  /** Null when there is nothing to average, and for every measure of a suppressed row. */
  readonly measures: Readonly<Partial<Record<Measure, number | null>>>;
  /** Fewer than k participants behind a row grouped or filtered by a personal dimension. */
  readonly suppressed: boolean;
}

export interface QueryResult {
  readonly measures: readonly Measure[];
  readonly dimensions: readonly Dimension[];
  readonly timeGrain?: TimeGrain;
  readonly k: number;
  readonly rows: readonly QueryRow[];
}

interface RowBuilder {
  readonly dimensions: Partial<Record<Dimension, string>>;
  readonly period?: string;
  readonly values: Map<Measure, number[]>;
  readonly relationshipIds: Set<string>;
}

/** Groups every measure's contributions by the query's dimensions and period, then aggregates and suppresses. */
export function runQuery(facts: FactSet, query: AnalyticsQuery, k = DEFAULT_K_ANONYMITY): QueryResult {
  const rows = new Map<string, RowBuilder>();
  const dimensionsOf = memoised((programId: string, relationshipId: string) =>
    dimensionValues(facts, programId, facts.relationships.get(relationshipId)),
  );
  const ranged = query.dateRange.from !== undefined || query.dateRange.to !== undefined;
  for (const measure of query.measures) {
    for (const contribution of contributionsOf(measure, facts)) {
      const dimensions = dimensionsOf(contribution.programId, contribution.relationshipId);
      if (!passesFilters(dimensions, query) || (ranged && !inRange(contribution.at, query))) continue;
      const period = query.timeGrain ? periodOf(contribution.at, query.timeGrain) : undefined;
      // Sorting by this key orders rows by period, then by dimension values in query order.
      const key = [period ?? '', ...query.dimensions.map((d) => dimensions[d])].join('\u0001');
      let row = rows.get(key);
      if (!row) {
        const grouped = Object.fromEntries(query.dimensions.map((d) => [d, dimensions[d]])) as Partial<
          Record<Dimension, string>
        >;
        row = {
          dimensions: grouped,
          ...(period === undefined ? {} : { period }),
          values: new Map(),
          relationshipIds: new Set<string>(),
        };
        rows.set(key, row);
      }
      const values = row.values.get(measure);
      if (values) values.push(contribution.value);
      else row.values.set(measure, [contribution.value]);
      row.relationshipIds.add(contribution.relationshipId);
    }
  }
  const personal = [...query.dimensions, ...(Object.keys(query.filters) as Dimension[])].some((d) =>
    PERSONAL_DIMENSIONS.has(d),
  );
  const answered = [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => finish(row, query.measures, personal && participantsOf(row, facts).size < k));
  return {
    measures: query.measures,
    dimensions: query.dimensions,
    ...(query.timeGrain ? { timeGrain: query.timeGrain } : {}),
    k,
    rows: answered,
  };
}

function finish(row: RowBuilder, measures: readonly Measure[], suppressed: boolean): QueryRow {
  const aggregate = (measure: Measure): number | null => {
    if (suppressed) return null;
    const values = row.values.get(measure) ?? [];
    switch (AGGREGATION[measure]) {
      case 'sum':
        return rounded(values.reduce((sum, v) => sum + v, 0));
      case 'mean':
        return rounded(mean(values));
      case 'median':
        return rounded(median(values));
    }
  };
  return {
    dimensions: row.dimensions,
    ...(row.period === undefined ? {} : { period: row.period }),
    measures: Object.fromEntries(measures.map((m) => [m, aggregate(m)])),
    suppressed,
  };
}

/** Distinct mentors and mentees behind a row: what k-anonymity counts. */
function participantsOf(row: RowBuilder, facts: FactSet): Set<string> {
  const people = new Set<string>();
  for (const id of row.relationshipIds) {
    const relationship = facts.relationships.get(id);
    for (const userId of relationship?.mentorIds ?? []) people.add(userId);
    for (const userId of relationship?.menteeIds ?? []) people.add(userId);
  }
  return people;
}

function passesFilters(values: Record<Dimension, string>, query: AnalyticsQuery): boolean {
  return (Object.entries(query.filters) as [Dimension, readonly string[]][]).every(([dimension, allowed]) =>
    allowed.includes(values[dimension]),
  );
}

function inRange(at: string, { dateRange: { from, to } }: AnalyticsQuery): boolean {
  const day = dayOf(at);
  return (from === undefined || day >= from) && (to === undefined || day <= to);
}

function memoised<R>(compute: (a: string, b: string) => R): (a: string, b: string) => R {
  const cache = new Map<string, R>();
  return (a, b) => {
    const key = `${a}\u0000${b}`;
    if (!cache.has(key)) cache.set(key, compute(a, b));
    return cache.get(key) as R;
  };
}
