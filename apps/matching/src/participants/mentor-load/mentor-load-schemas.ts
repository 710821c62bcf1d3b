import { z } from 'zod';

export const overallCapacityBody = z.strictObject({
  overallCapacity: z
    .number()
    .int()
    .min(1)
    .max(100)
    .nullable()
    .describe('The cap on the mentor’s relationships across all programs; null removes it'),
});
export type OverallCapacityBody = z.output<typeof overallCapacityBody>;

const load = {
  active: z.number().int().min(0).describe('Running or paused relationships'),
  proposed: z.number().int().min(0).describe('Proposals waiting for an answer'),
};

export const mentorLoadSchema = z
  .object({
    userId: z.string().meta({ examples: ['mentor-7'] }),
    version: z
      .number()
      .int()
      .min(0)
      .describe('Stream version of the overall capacity (0: never set), also its ETag; send it as If-Match'),
    overallCapacity: z.number().int().optional().describe('The cap across programs; absent: none'),
    ...load,
    programs: z.array(
      z.object({
        programId: z.string(),
        capacity: z.number().int().describe('How many mentees the mentor takes in this program'),
        ...load,
      }),
    ),
  })
  .describe('A mentor’s load across every program of the tenant');
export type MentorLoadResponse = z.output<typeof mentorLoadSchema>;
