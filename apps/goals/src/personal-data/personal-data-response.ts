import { z } from 'zod';
import { templateResponseSchema } from '../goal-templates/template-response';
import { goalPartySchema, goalResponse } from '../goals/goal-response';
import { joinGoalTexts } from '../goals/goal-texts';
import type { GoalTextsView, GoalView } from '../infrastructure/views';

// A person's export holds what they own and what they wrote. Other people appear only by id:
// their notes and revision comments stay out, even on the person's own goals.

const instant = z.iso.datetime({ offset: true });
const onGoal = {
  goalId: z.string().describe('The goal the entry was written on (owned by someone else)'),
  relationshipId: z.string(),
};

/** An entry the person wrote on a goal they do not own: their own figures and words, the goal by id only. */
export const authoredEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('progress-update'),
    ...onGoal,
    recordedAt: instant,
    progress: z.number().min(0).max(100),
    value: z.number().optional(),
    note: z.string().optional(),
  }),
  z.object({
    kind: z.literal('revision'),
    ...onGoal,
    revisedAt: instant,
    reason: z.string(),
    changedFields: z.array(z.string()).meta({ examples: [['dueDate']] }),
    comment: z.string().optional(),
  }),
  z.object({
    kind: z.literal('milestone-completion'),
    ...onGoal,
    milestoneId: z.string(),
    completedAt: instant,
  }),
]);
export type AuthoredEntry = z.output<typeof authoredEntrySchema>;

type OwnGoal = z.output<typeof goalPartySchema>;

/** Everything the goals service holds about one person in the caller's tenant. */
export const personalDataSchema = z.object({
  service: z.literal('goals'),
  userId: z.string().meta({ examples: ['mentee-1'] }),
  goals: z
    .array(goalPartySchema)
    .describe(
      'The goals the person owns, with every stored field; notes and revision comments written by others show only their author id',
    ),
  authoredEntries: z
    .array(authoredEntrySchema)
    .describe(
      'Progress updates, revisions and milestone completions the person made on goals they do not own',
    ),
  publishedTemplates: z.array(templateResponseSchema).describe('Goal templates the person published'),
  relationships: z
    .array(
      z.object({
        relationshipId: z.string(),
        programId: z.string(),
        status: z.enum(['proposed', 'active', 'paused', 'ended', 'declined', 'expired']),
        roles: z.array(z.enum(['mentor', 'mentee'])),
      }),
    )
    .describe("The relationships matching's events named the person a party of"),
  administeredProgramIds: z
    .array(z.string())
    .describe("The programs matching's events named the person an admin of"),
});
export type PersonalData = z.output<typeof personalDataSchema>;

/** The person's own goal as its parties see it, less the free text other people wrote on it. */
export function ownGoal(
  userId: string,
  goal: GoalView,
  texts: GoalTextsView | null | undefined,
  context: { now: string; relationshipPaused: boolean },
): OwnGoal {
  const shown = goalResponse(goal, texts, 'party', context);
  if (!('progressNotes' in shown)) throw new Error('a party answer of a goal lacks its party fields');
  return {
    ...shown,
    progressNotes: shown.progressNotes.map(({ note, ...record }) =>
      note !== undefined && record.recordedBy === userId ? { ...record, note } : record,
    ),
    revisionHistory: shown.revisionHistory.map(({ comment, ...revision }) =>
      comment !== undefined && revision.revisedBy === userId ? { ...revision, comment } : revision,
    ),
  };
}

/**
 * The entries `userId` wrote on someone else's goal. Built field by field, so nothing of the goal
 * comes along: a revision keeps its comment but not the title or description wording it set, which
 * is the goal's text.
 */
export function entriesOn(
  userId: string,
  goal: GoalView,
  texts: GoalTextsView | null | undefined,
): AuthoredEntry[] {
  const joined = joinGoalTexts(goal, texts);
  const on = { goalId: goal.goalId, relationshipId: goal.relationshipId };
  return [
    ...joined.progressNotes
      .filter((record) => record.recordedBy === userId)
      .map((record): AuthoredEntry => ({
        kind: 'progress-update',
        ...on,
        recordedAt: record.recordedAt,
        progress: record.progress,
        ...(record.value === undefined ? {} : { value: record.value }),
        ...(record.note === undefined ? {} : { note: record.note }),
      })),
    ...joined.revisionHistory
      .filter((revision) => revision.revisedBy === userId)
      .map((revision): AuthoredEntry => ({
        kind: 'revision',
        ...on,
        revisedAt: revision.revisedAt,
        reason: revision.reason,
        changedFields: revision.changedFields,
        ...(revision.comment === undefined ? {} : { comment: revision.comment }),
      })),
    ...goal.milestones.flatMap((milestone): AuthoredEntry[] =>
      milestone.completedBy === userId && milestone.completedAt
        ? [
            {
              kind: 'milestone-completion',
              ...on,
              milestoneId: milestone.milestoneId,
              completedAt: milestone.completedAt,
            },
          ]
        : [],
    ),
  ];
}

/** When an entry was made, to list them in the order they happened. */
export const entryInstant = (entry: AuthoredEntry): string =>
  entry.kind === 'progress-update'
    ? entry.recordedAt
    : entry.kind === 'revision'
      ? entry.revisedAt
      : entry.completedAt;
