import { hardRuleOrder, type PairExplanation } from '@tandem/matching-domain';
import { z } from 'zod';
import { idField } from '../../relationships/relationship-schemas';
import { criterionScoreSchema, type Sent } from '../match-run-response';

export const explainPairQuery = z.strictObject({
  menteeId: idField.describe('Participant id of the mentee'),
  mentorId: idField.describe('Participant id of the mentor'),
});
export type ExplainPairQuery = z.infer<typeof explainPairQuery>;

const explanation = z
  .string()
  .meta({ examples: ['both are in department Sales and the program excludes same-department pairs'] });

export const pairExplanationSchema = z.object({
  menteeId: z.string().describe('Participant id of the mentee'),
  mentorId: z.string().describe('Participant id of the mentor'),
  possible: z.boolean().describe('A match run could propose this pair: nothing blocks it'),
  score: z.number().describe('0–100: what the pair scores, even when a hard rule excludes it'),
  minimumScore: z.number().describe("The program's minimum score"),
  mentorRemainingCapacity: z.number().int().describe('Places the mentor has left in this program'),
  breakdown: z.array(criterionScoreSchema).describe('How each criterion scored, explained'),
  blockers: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('hard-rule'), rule: z.enum(hardRuleOrder), explanation }),
        z.object({ kind: z.literal('below-minimum-score'), explanation }),
        z.object({ kind: z.literal('mentor-full'), explanation }),
      ]),
    )
    .describe(
      'Every reason a run cannot propose the pair: each hard rule it breaks, the minimum score, a full mentor',
    ),
});
export type PairExplanationResponse = z.output<typeof pairExplanationSchema>;

export function pairExplanationResponse(
  ids: ExplainPairQuery,
  mentorRemainingCapacity: number,
  explained: PairExplanation,
): Sent<PairExplanationResponse> {
  return { ...ids, mentorRemainingCapacity, ...explained };
}
