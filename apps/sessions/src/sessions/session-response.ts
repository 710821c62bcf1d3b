import { queryOperator } from '@tandem/auth';
import { z } from 'zod';
import type { StoredSessionView, TenantReadModels } from '../infrastructure/read-models';
import type { SessionDetailsView } from '../infrastructure/views';

const sessionId = z
  .string()
  .describe('Id of the session')
  .meta({ examples: ['5f0c2a8e-7f5d-4c1e-9a57-2f4a3b1c9d10'] });
const userIds = z.array(z.string()).meta({ examples: [['mentor-7f3a', 'mentee-2b9c']] });
const instant = z.string().meta({ examples: ['2030-01-15T09:30:00.000Z'] });

export const agendaItemResponseSchema = z.object({
  agendaItemId: z.string(),
  text: z.string(),
  goalId: z.string().optional().describe('A goal of the relationship this item is about'),
  addedBy: z.string().describe('User id of who added it'),
});

export const actionItemStateSchema = z.object({
  actionItemId: z.string().meta({ examples: ['c1d2e3f4-0000-4a5b-8c9d-0e1f2a3b4c5d'] }),
  assigneeId: z.string(),
  dueOn: z
    .string()
    .optional()
    .meta({ examples: ['2030-01-31'] }),
  completedAt: instant.optional(),
});

/** A session as the API shows it (its text lives elsewhere: action item texts under /action-items). */
export const sessionResponseSchema = z
  .object({
    sessionId,
    relationshipId: z.string().meta({ examples: ['r-1a2b3c4d'] }),
    programId: z.string().meta({ examples: ['p-1a2b3c4d'] }),
    version: z
      .number()
      .int()
      .min(1)
      .describe('Stream version of the session: its ETag')
      .meta({ examples: [3] }),
    status: z.enum(['scheduled', 'cancelled', 'held', 'no-show']).meta({ examples: ['scheduled'] }),
    kind: z.enum(['meeting', 'check-in']).meta({ examples: ['meeting'] }),
    format: z
      .enum(['video', 'in-person', 'call', 'chat'])
      .optional()
      .describe('Absent on sessions scheduled before the format was recorded'),
    startsAt: instant,
    durationMinutes: z.number().int(),
    sequence: z
      .number()
      .int()
      .describe('Bumped by every change a calendar must show (the iCalendar SEQUENCE)'),
    actionItems: z.array(actionItemStateSchema),
    memberIds: userIds.describe("The relationship's mentors and mentees, who are invited"),
    cancelReason: z
      .string()
      .optional()
      .meta({ examples: ['travel'] }),
    heldAt: instant.optional(),
    actualDurationMinutes: z.number().int().optional(),
    attendeeIds: z.array(z.string()).optional(),
    absentIds: z.array(z.string()).optional(),
    feedbackBy: z.array(z.string()).optional().describe('Who has submitted feedback on the held session'),
    location: z.string().optional().describe('A room, an address or a meeting link'),
    agenda: z.array(agendaItemResponseSchema),
  })
  .describe('A mentoring session');

export type SessionResponse = z.output<typeof sessionResponseSchema>;

/**
 * A session as the API shows it: its read model joined with its details. Fields are named one by one so
 * storage fields (and whatever an older document still carries) never reach the answer.
 */
export function sessionResponse(
  view: StoredSessionView,
  details?: SessionDetailsView | null,
): SessionResponse {
  const { location, agenda } = details ?? {};
  return {
    sessionId: view.sessionId,
    relationshipId: view.relationshipId,
    programId: view.programId,
    version: view.version,
    status: view.status,
    kind: view.kind,
    ...(view.format === undefined ? {} : { format: view.format }),
    startsAt: view.startsAt,
    durationMinutes: view.durationMinutes,
    sequence: view.sequence,
    actionItems: view.actionItems.map(({ actionItemId, assigneeId, dueOn, completedAt }) => ({
      actionItemId,
      assigneeId,
      ...(dueOn ? { dueOn } : {}),
      ...(completedAt ? { completedAt } : {}),
    })),
    memberIds: view.memberIds,
    ...(view.cancelReason === undefined ? {} : { cancelReason: view.cancelReason }),
    ...(view.heldAt === undefined ? {} : { heldAt: view.heldAt }),
    ...(view.actualDurationMinutes === undefined
      ? {}
      : { actualDurationMinutes: view.actualDurationMinutes }),
    ...(view.attendeeIds === undefined ? {} : { attendeeIds: view.attendeeIds }),
    ...(view.absentIds === undefined ? {} : { absentIds: view.absentIds }),
    ...(view.feedbackBy === undefined ? {} : { feedbackBy: view.feedbackBy }),
    ...(location ? { location } : {}),
    agenda: (agenda ?? []).map(({ agendaItemId, text, goalId, addedBy }) => ({
      agendaItemId,
      text,
      ...(goalId ? { goalId } : {}),
      addedBy,
    })),
  };
}

/** Responses for many sessions, their details read in one query. */
export async function sessionResponses(
  models: TenantReadModels,
  views: readonly StoredSessionView[],
): Promise<SessionResponse[]> {
  if (views.length === 0) return [];
  const details = await models.sessionDetails
    .find({ _id: queryOperator({ $in: views.map((v) => v._id) }) })
    .toArray();
  const byId = new Map(details.map((d) => [d._id, d]));
  return views.map((view) => sessionResponse(view, byId.get(view._id)));
}
