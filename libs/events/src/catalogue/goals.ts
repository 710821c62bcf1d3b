import { z } from 'zod';
import { defineEvent } from '../define-event';
import { code, day, erasureRef, id, instant, percent, relationshipRef } from './fields';

const goalRef = { goalId: id, ...relationshipRef };

// Titles, descriptions, milestone names and progress notes are free text: they stay in the goals
// service's collections. Events carry ids, codes, dates and figures only.

const goalSetV1 = z.strictObject({
  ...goalRef,
  ownerId: id,
  templateId: id.optional(),
  category: code.optional(),
  targetDate: day,
  measure: z.enum(['percent', 'milestones', 'yes-no']),
});
/** How a goal is measured: a metric moving from a baseline to a target, or its milestones. */
const measure = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('metric'), baseline: z.number(), target: z.number(), unit: code }),
  z.strictObject({ kind: z.literal('milestones') }),
]);
const horizon = z.enum(['short-term', 'long-term']);
/** Version 2 carries the SMART measure (baseline, target, unit), the horizon and when it was set. */
const goalSetV2 = goalSetV1.omit({ measure: true }).extend({
  measure,
  horizon,
  /** Absent only on goals set before version 2. */
  setAt: instant.optional(),
});
const measureOfV1 = {
  percent: { kind: 'metric', baseline: 0, target: 100, unit: 'percent' },
  'yes-no': { kind: 'metric', baseline: 0, target: 1, unit: 'yes-no' },
  milestones: { kind: 'milestones' },
} as const;
export const goalSet = defineEvent('goals.goal.set', { version: 2, schema: goalSetV2 }, [
  {
    version: 1,
    schema: goalSetV1,
    upcast: (data: z.infer<typeof goalSetV1>) => ({
      ...data,
      measure: measureOfV1[data.measure],
      horizon: 'short-term',
    }),
  },
]);

const goalRevisedV1 = z.strictObject({
  ...goalRef,
  revisedBy: id,
  targetDate: day.optional(),
  changedFields: z.array(code),
});
/** Version 2 says why (a reason code) and carries the revised measure and horizon when they changed. */
const goalRevisedV2 = goalRevisedV1.extend({
  reason: code,
  measure: measure.optional(),
  horizon: horizon.optional(),
  category: code.optional(),
  revisedAt: instant.optional(),
});
export const goalRevised = defineEvent('goals.goal.revised', { version: 2, schema: goalRevisedV2 }, [
  {
    version: 1,
    schema: goalRevisedV1,
    upcast: (data: z.infer<typeof goalRevisedV1>) => ({ ...data, reason: 'unspecified' }),
  },
]);
export const goalMilestoneAdded = defineEvent('goals.goal.milestone-added', {
  version: 1,
  schema: z.strictObject({ ...goalRef, milestoneId: id, dueDate: day.optional() }),
});
export const goalMilestoneCompleted = defineEvent('goals.goal.milestone-completed', {
  version: 1,
  schema: z.strictObject({ ...goalRef, milestoneId: id, completedBy: id, completedAt: instant }),
});

const goalProgressRecordedV1 = z.strictObject({ ...goalRef, recordedBy: id, progress: percent });
/** Version 2 adds the metric's recorded value (when measured by a metric) and when it was recorded. */
const goalProgressRecordedV2 = goalProgressRecordedV1.extend({
  value: z.number().optional(),
  recordedAt: instant.optional(),
});
export const goalProgressRecorded = defineEvent(
  'goals.goal.progress-recorded',
  { version: 2, schema: goalProgressRecordedV2 },
  [
    {
      version: 1,
      schema: goalProgressRecordedV1,
      upcast: (data: z.infer<typeof goalProgressRecordedV1>) => data,
    },
  ],
);

const goalCompletedV1 = z.strictObject({ ...goalRef, completedBy: id, completedAt: instant });
/** Version 2 carries what analytics celebrates: days taken and milestones done (unknown before v2). */
const goalCompletedV2 = goalCompletedV1.extend({
  daysTaken: z.number().int().min(0).optional(),
  milestonesCompleted: z.number().int().min(0).optional(),
  milestonesTotal: z.number().int().min(0).optional(),
});
export const goalCompleted = defineEvent('goals.goal.completed', { version: 2, schema: goalCompletedV2 }, [
  { version: 1, schema: goalCompletedV1, upcast: (data: z.infer<typeof goalCompletedV1>) => data },
]);
export const goalAbandoned = defineEvent('goals.goal.abandoned', {
  version: 1,
  schema: z.strictObject({ ...goalRef, abandonedBy: id, reason: code }),
});
/** An open goal closed because its relationship ended, so nothing dangles (no actor: matching's event caused it). */
export const goalClosed = defineEvent('goals.goal.closed', {
  version: 1,
  schema: z.strictObject({ ...goalRef, reason: z.enum(['relationship-ended']), closedAt: instant }),
});
export const goalTemplatePublished = defineEvent('goals.goal-template.published', {
  version: 1,
  schema: z.strictObject({ templateId: id, programId: id.optional(), category: code, publishedBy: id }),
});

/** The goals service erased its part of a person's data for an erasure request (matching.person.erasure-requested). */
export const personErased = defineEvent('goals.person.erased', {
  version: 1,
  schema: z.strictObject({ ...erasureRef, erasedAt: instant }),
});

export const goalsEvents = [
  personErased,
  goalSet,
  goalRevised,
  goalMilestoneAdded,
  goalMilestoneCompleted,
  goalProgressRecorded,
  goalCompleted,
  goalAbandoned,
  goalClosed,
  goalTemplatePublished,
] as const;
