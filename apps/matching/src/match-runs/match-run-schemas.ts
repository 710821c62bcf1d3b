import { z } from 'zod';
import { idField } from '../relationships/relationship-schemas';

const criterion = z.string().regex(/^(question:)?[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a criterion code or question:<id>');

/** A what-if run may try other weights, minimum score or hard rules without changing the program. */
export const runMatchingBody = z.strictObject({
  criteriaWeights: z.record(criterion, z.number().min(0).max(100)).optional(),
  minimumScore: z.number().min(0).max(100).optional(),
  hardRules: z
    .strictObject({
      excludeSameDepartment: z.boolean(),
      excludeOwnManager: z.boolean(),
      excludePreviousPairs: z.boolean(),
      requireCommonLanguage: z.boolean(),
      maxTimezoneGapHours: z.number().min(0).max(26).optional(),
    })
    .optional(),
});
export type RunMatchingBody = z.infer<typeof runMatchingBody>;

export const compareQuery = z.strictObject({ with: idField });
export const suggestionsQuery = z.strictObject({
  menteeId: idField.optional(),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
