import type { FactSet } from '../facts/fact-set';
import { mean, median, rounded } from '../shared/statistics';
import { dayOf } from '../shared/time';
import type { AnalyticsQuery } from './analytics-query';
import { subjectOf } from './contribution';
import { dimensionValues, PERSONAL_DIMENSIONS, type Dimension } from './dimensions';
import { AGGREGATION, contributionsOf, type Measure } from './measures';
import { periodOf, type TimeGrain } from './time-grain';
import { refuseIsolatingFilters, SelectionTally } from './suppression/filter-isolation';
import { suppressRows } from './suppression/suppress-rows';

export const DEFAULT_K_ANONYMITY = 5;

export interface QueryRow {
  readonly dimensions: Readonly<Partial<Record<Dimension, string>>>;
  readonly period?: string;
  /** Null when there is nothing to average, and for every measure of a suppressed row. */
  readonly measures: Readonly<Partial<Record<Measure, number | null>>>;
  /**
   * On a personal dimension or filter: fewer than k participants behind the row, or hidden as a
   * complement so that no such row follows from the others and the totals (suppression/).
   */
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
  /** Distinct mentors and mentees behind the row: what k-anonymity counts. */
  readonly participantIds: Set<string>;
}

/** Groups every measure's contributions by the query's dimensions and period, then aggregates and suppresses. */
export function runQuery(facts: FactSet, query: AnalyticsQuery, k = DEFAULT_K_ANONYMITY): QueryResult {
  const rows = new Map<string, RowBuilder>();
  const dimensionsBySubject = new Map<string, Record<Dimension, string>>();
  const ranged = query.dateRange.from !== undefined || query.dateRange.to !== undefined;
  const personalFilters = (Object.keys(query.filters) as Dimension[]).filter((d) =>
    PERSONAL_DIMENSIONS.has(d),
  );
  const selected = new SelectionTally(personalFilters);
  for (const measure of query.measures) {
    for (const contribution of contributionsOf(measure, facts)) {
      const subject = subjectOf(contribution, facts);
      const cacheKey = `${contribution.programId}\u0000${subject.key}`;
      let dimensions = dimensionsBySubject.get(cacheKey);
      if (!dimensions) {
        dimensions = dimensionValues(facts, contribution.programId, subject.relationship);
        dimensionsBySubject.set(cacheKey, dimensions);
      }
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
          participantIds: new Set<string>(),
        };
        rows.set(key, row);
      }
      const values = row.values.get(measure);
      if (values) values.push(contribution.value);
      else row.values.set(measure, [contribution.value]);
      for (const userId of subject.relationship?.mentorIds ?? []) row.participantIds.add(userId);
      for (const userId of subject.relationship?.menteeIds ?? []) row.participantIds.add(userId);
      selected.add(dimensions, [
        ...(subject.relationship?.mentorIds ?? []),
        ...(subject.relationship?.menteeIds ?? []),
      ]);
    }
  }
  const personal = [...query.dimensions, ...(Object.keys(query.filters) as Dimension[])].some((d) =>
    PERSONAL_DIMENSIONS.has(d),
  );
  if (personal) refuseIsolatingFilters(selected.selection(), query.filters, k);
  const answered = suppressed(query, [...rows.values()], personal, k)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row, hidden]) => finish(row, query.measures, hidden));
  return {
    measures: query.measures,
    dimensions: query.dimensions,
    ...(query.timeGrain ? { timeGrain: query.timeGrain } : {}),
    k,
    rows: answered,
  };
}

/**
 * Every row with its sort key and whether it is suppressed: on a personal query, rows under k and
 * their complements (see suppression/protect-table.ts), plus empty combinations taken as complements.
 */
function suppressed(
  query: AnalyticsQuery,
  rows: readonly RowBuilder[],
  personal: boolean,
  k: number,
): [string, RowBuilder, boolean][] {
  const keyOf = (period: string | undefined, values: readonly string[]) =>
    [period ?? '', ...values].join('\u0001');
  const valuesOf = (row: RowBuilder) => query.dimensions.map((d) => row.dimensions[d] ?? '');
  if (!personal) return rows.map((row) => [keyOf(row.period, valuesOf(row)), row, false]);
  const cells = rows.map((row) => ({
    ...(row.period === undefined ? {} : { period: row.period }),
    dimensionValues: valuesOf(row),
    participants: row.participantIds.size,
  }));
  const { suppressed: hidden, empty } = suppressRows(cells, query.timeGrain !== undefined, k);
  const emptyRows = empty.map(({ period, dimensionValues }): RowBuilder => ({
    dimensions: Object.fromEntries(query.dimensions.map((d, i) => [d, dimensionValues[i]])),
    ...(period === undefined ? {} : { period }),
    values: new Map(),
    participantIds: new Set(),
  }));
  return [
    ...rows.map((row, i): [string, RowBuilder, boolean] => [
      keyOf(row.period, valuesOf(row)),
      row,
      hidden.has(i),
    ]),
    ...emptyRows.map((row): [string, RowBuilder, boolean] => [keyOf(row.period, valuesOf(row)), row, true]),
  ];
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

function passesFilters(values: Record<Dimension, string>, query: AnalyticsQuery): boolean {
  return (Object.entries(query.filters) as [Dimension, readonly string[]][]).every(([dimension, allowed]) =>
    allowed.includes(values[dimension]),
  );
}

function inRange(at: string, { dateRange: { from, to } }: AnalyticsQuery): boolean {
  const day = dayOf(at);
  return (from === undefined || day >= from) && (to === undefined || day <= to);
}
