import { AnalyticsRuleError } from '../shared/analytics-rule-error';
import { DIMENSIONS, type Dimension } from './dimensions';
import { MEASURES, type Measure } from './measures';
import { TIME_GRAINS, type TimeGrain } from './time-grain';

/** A question as an analyst sends it (names not yet checked). */
export interface AnalyticsQueryInput {
  readonly measures: readonly string[];
  readonly dimensions?: readonly string[];
  /** Dimension → the values to keep. */
  readonly filters?: Readonly<Record<string, readonly string[]>>;
  readonly timeGrain?: TimeGrain;
  /** Inclusive days (`YYYY-MM-DD`) on the date each measure is counted at. */
  readonly dateRange?: { readonly from?: string; readonly to?: string };
}

export interface AnalyticsQuery {
  readonly measures: readonly Measure[];
  readonly dimensions: readonly Dimension[];
  readonly filters: Readonly<Partial<Record<Dimension, readonly string[]>>>;
  readonly timeGrain?: TimeGrain;
  readonly dateRange: { readonly from?: string; readonly to?: string };
}

const isMeasure = (name: string): name is Measure => (MEASURES as readonly string[]).includes(name);
const isDimension = (name: string): name is Dimension => (DIMENSIONS as readonly string[]).includes(name);

/** Checks the names; an unknown one is refused with the list of valid ones (answered 400). */
export function parseAnalyticsQuery(input: AnalyticsQueryInput): AnalyticsQuery {
  const unknownMeasures = input.measures.filter((m) => !isMeasure(m));
  if (unknownMeasures.length > 0 || input.measures.length === 0) {
    throw new AnalyticsRuleError(
      'unknown-measure',
      `unknown measure ${unknownMeasures.map((m) => `"${m}"`).join(', ') || '(none given)'}; valid measures: ${MEASURES.join(', ')}`,
      'invalid',
    );
  }
  const named = [...(input.dimensions ?? []), ...Object.keys(input.filters ?? {})];
  const unknownDimensions = named.filter((d) => !isDimension(d));
  if (unknownDimensions.length > 0) {
    throw new AnalyticsRuleError(
      'unknown-dimension',
      `unknown dimension ${unknownDimensions.map((d) => `"${d}"`).join(', ')}; valid dimensions: ${DIMENSIONS.join(', ')}`,
      'invalid',
    );
  }
  if (input.timeGrain !== undefined && !TIME_GRAINS.includes(input.timeGrain)) {
    throw new AnalyticsRuleError(
      'unknown-time-grain',
      `unknown time grain; valid: ${TIME_GRAINS.join(', ')}`,
      'invalid',
    );
  }
  return {
    measures: [...new Set(input.measures as Measure[])],
    dimensions: [...new Set((input.dimensions ?? []) as Dimension[])],
    filters: (input.filters ?? {}) as Partial<Record<Dimension, readonly string[]>>,
    ...(input.timeGrain === undefined ? {} : { timeGrain: input.timeGrain }),
    dateRange: input.dateRange ?? {},
  };
}
