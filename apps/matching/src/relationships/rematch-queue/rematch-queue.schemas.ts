import { pageOf, pageQuery } from '@tandem/auth';
import { z } from 'zod';

export const rematchQueueQuery = z.strictObject({ ...pageQuery(200, 50) });
export type RematchQueueQuery = z.output<typeof rematchQueueQuery>;

const queuedMentee = z.object({
  relationshipId: z.string().describe('The ended relationship whose mentee asked for a re-match'),
  menteeIds: z
    .array(z.string())
    .meta({ description: 'User ids of the mentees to re-match', examples: [['mentee-a']] }),
  previousMentorIds: z
    .array(z.string())
    .meta({ description: 'User ids of the mentors a re-match excludes', examples: [['mentor-x']] }),
  requestedBy: z.string().describe('User id of who asked for it'),
  requestedAt: z
    .string()
    .meta({ description: 'When it was asked for', examples: ['2027-03-01T09:30:00.000Z'] }),
});
export const rematchQueueResponseSchema = pageOf(queuedMentee);
export type RematchQueueResponse = z.output<typeof rematchQueueResponseSchema>;
