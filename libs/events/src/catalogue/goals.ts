import { z } from 'zod';
import { defineEvent } from '../define-event';
import { code, day, id, instant, percent, relationshipRef } from './fields';

const goalRef = { goalId: id, ...relationshipRef };

export const goalSet = defineEvent('goals.goal.set', {
  version: 1,
  schema: z.strictObject({
    ...goalRef,
    ownerId: id,
    templateId: id.optional(),
    category: code.optional(),
    targetDate: day,
    measure: z.enum(['percent', 'milestones', 'yes-no']),
  }),
});
export const goalRevised = defineEvent('goals.goal.revised', {
  version: 1,
  schema: z.strictObject({ ...goalRef, revisedBy: id, targetDate: day.optional(), changedFields: z.array(code) }),
});
export const goalMilestoneAdded = defineEvent('goals.goal.milestone-added', {
  version: 1,
  schema: z.strictObject({ ...goalRef, milestoneId: id, dueDate: day.optional() }),
});
export const goalMilestoneCompleted = defineEvent('goals.goal.milestone-completed', {
  version: 1,
  schema: z.strictObject({ ...goalRef, milestoneId: id, completedBy: id, completedAt: instant }),
});
export const goalProgressRecorded = defineEvent('goals.goal.progress-recorded', {
  version: 1,
  schema: z.strictObject({ ...goalRef, recordedBy: id, progress: percent }),
});
export const goalCompleted = defineEvent('goals.goal.completed', {
  version: 1,
  schema: z.strictObject({ ...goalRef, completedBy: id, completedAt: instant }),
});
export const goalAbandoned = defineEvent('goals.goal.abandoned', {
  version: 1,
  schema: z.strictObject({ ...goalRef, abandonedBy: id, reason: code }),
});
export const goalTemplatePublished = defineEvent('goals.goal-template.published', {
  version: 1,
  schema: z.strictObject({ templateId: id, programId: id.optional(), category: code, publishedBy: id }),
});

export const goalsEvents = [
  goalSet,
  goalRevised,
  goalMilestoneAdded,
  goalMilestoneCompleted,
  goalProgressRecorded,
  goalCompleted,
  goalAbandoned,
  goalTemplatePublished,
] as const;
