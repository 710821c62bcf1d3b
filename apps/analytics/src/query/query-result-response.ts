import { DIMENSIONS, MEASURES, TIME_GRAINS, type QueryResult } from '@tandem/analytics-domain';
import { z } from 'zod';

const measure = z.enum(MEASURES).meta({ examples: ['relationships'] });
const dimension = z.enum(DIMENSIONS).meta({ examples: ['menteeDepartment'] });

/** The answer of an analyst query: a report of rows, one per period and combination of dimension values. */
export const queryResultSchema = z.object({
  measures: z.array(measure),
  dimensions: z.array(dimension),
  timeGrain: z
    .enum(TIME_GRAINS)
    .optional()
    .meta({ examples: ['month'] }),
  k: z.int().min(2).describe('Fewest participants a row on a personal dimension may describe'),
  rows: z.array(
    z.object({
      dimensions: z.partialRecord(dimension, z.string()),
      period: z
        .string()
        .optional()
        .describe('With a time grain: `2026-03-14`, week of Monday `2026-03-09`, `2026-03` or `2026-Q1`'),
      measures: z
        .partialRecord(measure, z.number().nullable())
        .describe('Null when there is nothing to average, and for every measure of a suppressed row'),
      suppressed: z
        .boolean()
        .describe(
          'On a personal dimension: fewer than k participants behind the row, or hidden with such a row so that it cannot be computed from the other rows and the totals (may be a combination without data)',
        ),
    }),
  ),
  asOf: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('The `asOf` asked for: the rows show what was known then')
    .meta({ examples: ['2026-02-09T09:00:00.000Z'] }),
});
export type QueryResultResponse = z.output<typeof queryResultSchema>;

/** The domain's result as the API answers it. */
export function queryResultResponse(result: QueryResult, asOf?: string): QueryResultResponse {
  return {
    ...result,
    measures: [...result.measures],
    dimensions: [...result.dimensions],
    rows: [...result.rows],
    ...(asOf ? { asOf } : {}),
  };
}
