import { z } from 'zod';

export const openActionItemResponseSchema = z
  .object({
    actionItemId: z.string().meta({ examples: ['c1d2e3f4-0000-4a5b-8c9d-0e1f2a3b4c5d'] }),
    sessionId: z.string().describe('The session it was assigned in'),
    relationshipId: z.string(),
    assigneeId: z.string().meta({ examples: ['mentee-2b9c'] }),
    text: z.string(),
    dueOn: z
      .string()
      .optional()
      .describe('Date it is due, if any')
      .meta({ examples: ['2030-01-31'] }),
  })
  .describe('An action item not completed yet');

export type OpenActionItemResponse = z.output<typeof openActionItemResponseSchema>;

export const openActionItemResponse = (
  item: { actionItemId: string; assigneeId: string; dueOn?: string },
  session: { sessionId: string; relationshipId: string },
  text: string,
): OpenActionItemResponse => ({
  actionItemId: item.actionItemId,
  sessionId: session.sessionId,
  relationshipId: session.relationshipId,
  assigneeId: item.assigneeId,
  text,
  ...(item.dueOn ? { dueOn: item.dueOn } : {}),
});
