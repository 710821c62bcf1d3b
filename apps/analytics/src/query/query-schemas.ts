import { TIME_GRAINS } from '@tandem/analytics-domain';
import { z } from 'zod';

// Names are checked against the catalogue of measures and dimensions by the domain (400 listing
// the valid ones); here only their shape, so nothing odd reaches it.
const name = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'must be a measure or dimension name');
const value = z.string().min(1).max(100);
const day = z.iso.date();
const instant = z.iso.datetime({ offset: true });

export const queryBody = z.strictObject({
  measures: z.array(name).min(1).max(20),
  dimensions: z.array(name).max(10).optional(),
  filters: z.record(name, z.array(value).min(1).max(200)).optional(),
  timeGrain: z.enum(TIME_GRAINS).optional(),
  dateRange: z.strictObject({ from: day.optional(), to: day.optional() }).optional(),
  asOf: instant.optional(),
});
export type QueryBody = z.infer<typeof queryBody>;

const list = z
  .string()
  .max(2000)
  .transform((text) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/** `GET /export.csv?measures=a,b&dimensions=c&filters=menteeDepartment:eng|ops;program:p-1&timeGrain=month&from=&to=&asOf=` */
export const exportQuery = z.strictObject({
  measures: list.pipe(z.array(name).min(1).max(20)),
  dimensions: list.pipe(z.array(name).max(10)).optional(),
  filters: z
    .string()
    .max(4000)
    .regex(
      /^([A-Za-z][A-Za-z0-9]{0,63}:[^;:|]+(\|[^;:|]+)*)(;[A-Za-z][A-Za-z0-9]{0,63}:[^;:|]+(\|[^;:|]+)*)*$/,
      'must be dimension:value|value;dimension:value',
    )
    .transform((text) =>
      Object.fromEntries(
        text
          .split(';')
          .map((part) => [part.slice(0, part.indexOf(':')), part.slice(part.indexOf(':') + 1).split('|')]),
      ),
    )
    .optional(),
  timeGrain: z.enum(TIME_GRAINS).optional(),
  from: day.optional(),
  to: day.optional(),
  asOf: instant.optional(),
});
export type ExportQuery = z.infer<typeof exportQuery>;
