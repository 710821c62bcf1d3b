import { z } from 'zod';
import { criterion, hardRulesInput } from '../programs/program-schemas';
import { idField } from '../relationships/relationship-schemas';

/** A what-if run may try other weights, minimum score or hard rules without changing the program. */
export const runMatchingBody = z.strictObject({
  criteriaWeights: z.record(criterion, z.number().min(0).max(100)).optional(),
  minimumScore: z.number().min(0).max(100).optional(),
  hardRules: hardRulesInput.optional(),
});
export type RunMatchingBody = z.infer<typeof runMatchingBody>;

export const compareQuery = z.strictObject({ with: idField });
export const suggestionsQuery = z.strictObject({
  menteeId: idField.optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(20)
    .default(5)
    .describe('How many mentors to suggest, at most 20'),
});
