import { includePeopleField } from '@tandem/runtime';
import { pageQuery } from '@tandem/auth';
import { z } from 'zod';

/** Ids in bodies and query strings: plain ids only, so nothing like {"$ne":null} reaches a query. */
export const idField = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_:-]{0,99}$/, 'must be an id (letters, digits, _ : -)');
export const codeField = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case code like "public-speaking"');
const day = z.iso.date();
const title = z.string().trim().min(1).max(200);
const text = z.string().trim().min(1).max(4000);
/**
 * A metric's baseline, target or measured value: ±1e9 holds any count, amount or score a goal
 * tracks, and keeps `(value - baseline) / (target - baseline)` finite (±1e308 made it NaN: a 500).
 */
export const METRIC_LIMIT = 1_000_000_000;
const metricNumber = z.number().min(-METRIC_LIMIT).max(METRIC_LIMIT);

export const measureField = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('metric'),
    baseline: metricNumber,
    target: metricNumber,
    unit: codeField,
  }),
  z.strictObject({ kind: z.literal('milestones') }),
]);
export const horizonField = z.enum(['short-term', 'long-term']);

/** SMART fields; with a template, what is left out comes from it. */
export const setGoalBody = z.strictObject({
  relationshipId: idField,
  templateId: idField.optional(),
  ownerId: idField.optional(),
  title: title.optional(),
  description: text.optional(),
  measure: measureField.optional(),
  relevance: codeField.optional(),
  dueDate: day,
  horizon: horizonField.optional(),
  milestones: z
    .array(z.strictObject({ title, dueDate: day.optional() }))
    .max(50)
    .optional(),
});
export type SetGoalBody = z.infer<typeof setGoalBody>;

export const reviseGoalBody = z.strictObject({
  reason: codeField,
  comment: text.optional(),
  title: title.optional(),
  description: text.optional(),
  measure: measureField.optional(),
  relevance: codeField.optional(),
  dueDate: day.optional(),
  horizon: horizonField.optional(),
});
export type ReviseGoalBody = z.infer<typeof reviseGoalBody>;

export const addMilestoneBody = z.strictObject({ title, dueDate: day.optional() });
export const recordProgressBody = z.strictObject({
  value: metricNumber.optional(),
  percent: z.number().min(0).max(100).optional(),
  note: text.optional(),
});
export const abandonBody = z.strictObject({ reason: codeField });
export const emptyBody = z.strictObject({});

export const listGoalsQuery = z.strictObject({
  relationshipId: idField.optional(),
  participantId: idField.optional(),
  programId: idField.optional(),
  status: z
    .enum(['on-track', 'at-risk', 'overdue', 'completed', 'abandoned', 'ended-with-relationship'])
    .optional(),
  ...pageQuery(500, 100),
  ...includePeopleField,
});
export type ListGoalsQuery = z.infer<typeof listGoalsQuery>;
