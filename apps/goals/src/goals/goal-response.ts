import { deriveGoalStatus, progressOf } from '@tandem/goals-domain';
import { z } from 'zod';
import type { GoalTextsView, GoalView } from '../infrastructure/views';
import type { GoalAudience } from './goal-access';
import { joinGoalTexts } from './goal-texts';

const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const userId = z.string().meta({ examples: ['mentee-1'] });

/** A metric moving from a baseline to a target (in `unit`), or the goal's milestones. */
export const goalMeasureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('metric'), baseline: z.number(), target: z.number(), unit: z.string() }),
  z.object({ kind: z.literal('milestones') }),
]);

/** What every reader of a goal sees, program admins included: status and progress figures. */
export const goalFiguresSchema = z.object({
  goalId: z.string().meta({ examples: ['5f0c6f3e-2b1d-4a8e-9c57-1f2e3d4c5b6a'] }),
  relationshipId: z.string(),
  programId: z.string(),
  ownerId: userId.describe('The mentee who owns the goal'),
  title: z.string().optional().describe('Absent only while its text is not readable'),
  category: z.string().optional().describe('The relevance tag: a competency or objective code'),
  horizon: z.enum(['short-term', 'long-term']).meta({ examples: ['short-term'] }),
  measure: goalMeasureSchema,
  dueDate: day.meta({ examples: ['2026-06-30'] }),
  setAt: instant.optional().meta({ examples: ['2026-03-01T09:30:00.000Z'] }),
  state: z
    .enum(['open', 'completed', 'abandoned', 'ended-with-relationship'])
    .describe('The stored state')
    .meta({ examples: ['open'] }),
  status: z
    .enum(['on-track', 'at-risk', 'overdue', 'completed', 'abandoned', 'ended-with-relationship'])
    .describe('Derived from progress and due date at the time of the answer')
    .meta({ examples: ['at-risk'] }),
  progress: z.number().min(0).max(100).describe('Percent done'),
  value: z.number().optional().describe("The metric's last recorded value"),
  milestonesCompleted: z.int(),
  milestonesTotal: z.int(),
  revisions: z.int(),
  completedAt: instant.optional(),
  version: z
    .int()
    .describe('Stream version, also the ETag')
    .meta({ examples: [3] }),
  templateId: z.string().optional(),
});

/** What the goal's mentee and mentors see: the figures and the text they wrote. */
export const goalPartySchema = goalFiguresSchema.extend({
  description: z.string().optional(),
  milestones: z.array(
    z.object({
      milestoneId: z.string(),
      title: z.string().optional(),
      dueDate: day.optional(),
      completedBy: z.string().optional(),
      completedAt: instant.optional(),
    }),
  ),
  progressNotes: z.array(
    z.object({
      recordedAt: instant,
      recordedBy: z.string(),
      progress: z.number(),
      value: z.number().optional(),
      note: z.string().optional(),
    }),
  ),
  revisionHistory: z.array(
    z.object({
      revisedAt: instant,
      revisedBy: z.string(),
      reason: z.string(),
      changedFields: z.array(z.string()).meta({ examples: [['title', 'dueDate']] }),
      comment: z.string().optional(),
      previous: z
        .object({ title: z.string().optional(), description: z.string().optional() })
        .describe('The wording the revision replaced'),
    }),
  ),
  abandonReason: z.string().optional(),
  closedAt: instant.optional(),
});

/** A goal as its reader may see it: everything for its parties, figures only for program admins. */
export const goalResponseSchema = z.union([goalPartySchema, goalFiguresSchema]);
export type GoalResponse = z.output<typeof goalResponseSchema>;

/**
 * A goal as the API shows it, with its status derived at `now`. Program admins get status and
 * progress figures only: no description, progress notes or revision comments.
 */
export function goalResponse(
  goal: GoalView,
  texts: GoalTextsView | null | undefined,
  audience: GoalAudience,
  context: { now: string; relationshipPaused: boolean },
): GoalResponse {
  const joined = joinGoalTexts(goal, texts);
  const figures: z.output<typeof goalFiguresSchema> = {
    goalId: goal.goalId,
    relationshipId: goal.relationshipId,
    programId: goal.programId,
    ownerId: goal.ownerId,
    title: joined.title,
    category: goal.category,
    horizon: goal.horizon,
    measure: goal.measure,
    dueDate: goal.targetDate,
    setAt: goal.setAt,
    state: goal.status,
    status: deriveGoalStatus(goal, context),
    progress: progressOf(goal),
    value: goal.value,
    milestonesCompleted: goal.milestones.filter((m) => m.completedAt).length,
    milestonesTotal: goal.milestones.length,
    revisions: goal.revisions,
    completedAt: goal.status === 'completed' ? goal.completedAt : undefined,
    version: goal.version,
    ...(goal.templateId ? { templateId: goal.templateId } : {}),
  };
  if (audience === 'admin') return figures;
  return {
    ...figures,
    description: joined.description,
    milestones: joined.milestones,
    progressNotes: joined.progressNotes,
    revisionHistory: joined.revisionHistory,
    abandonReason: goal.status === 'abandoned' ? goal.abandonReason : undefined,
    closedAt: goal.status === 'ended-with-relationship' ? goal.closedAt : undefined,
  } satisfies z.output<typeof goalPartySchema>;
}
