import { z } from 'zod';
import { includePeopleQuery } from '../people/people-names';
import { pageQuery } from '@tandem/auth';
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
  ...includePeopleQuery.shape,
});

const pairRef = z.strictObject({ menteeId: idField, mentorId: idField });
/** Draft review: participant ids of pairs to pin or forbid and mentees to leave out. */
export const reviewDraftBody = z.strictObject({
  pin: z.array(pairRef).max(500).optional().describe('Pairs the new draft must make'),
  forbid: z.array(pairRef).max(500).optional().describe('Pairs the new draft must not make'),
  remove: z.array(idField).max(500).optional().describe('Mentees the new draft leaves out'),
});
export type ReviewDraftBody = z.infer<typeof reviewDraftBody>;

export const listMatchRunsQuery = z.strictObject({ ...pageQuery(100, 20) });
export type ListMatchRunsQuery = z.infer<typeof listMatchRunsQuery>;
