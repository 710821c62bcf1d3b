import { z } from 'zod';
import type { ProgramView } from '../infrastructure/views';

/** Where a program is read (its `Location`). */
export const programPath = (programId: string) => `/api/matching/v1/programs/${programId}`;

export const programStatusSchema = z
  .enum(['draft', 'enrolment-open', 'enrolment-closed', 'active', 'closed'])
  .meta({
    description: 'draft → enrolment-open → enrolment-closed → active → closed',
    examples: ['enrolment-open'],
  });

const customQuestionSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.string(), kind: z.literal('single-choice'), options: z.array(z.string()) }),
  z.object({ id: z.string(), kind: z.literal('multi-choice'), options: z.array(z.string()) }),
  z.object({ id: z.string(), kind: z.literal('number'), min: z.number(), max: z.number() }),
]);

/** The settings as the program's events set them (question labels are beside them, in `questionLabels`). */
const programSettingsSchema = z.object({
  matchingMode: z.enum(['admin-bulk', 'self-select', 'hybrid']),
  mentorsPerMentee: z.number().int(),
  defaultMentorCapacity: z.number().int(),
  maxGroupSize: z.number().int().optional(),
  minimumScore: z.number(),
  criteriaWeights: z
    .record(z.string(), z.number())
    .meta({ description: 'Criterion → weight', examples: [{ skills: 60, languages: 40 }] }),
  sessionsPerMonth: z.number(),
  startsOn: z.iso.date().optional(),
  endsOn: z.iso.date().optional(),
  enrolmentOpensOn: z.iso.date().optional().describe('Enrolment opens on this day (UTC) by itself'),
  enrolmentClosesOn: z.iso.date().optional().describe('Enrolment closes after this day (UTC) by itself'),
  hardRules: z.object({
    excludeSameDepartment: z.boolean(),
    excludeOwnManager: z.boolean(),
    excludePreviousPairs: z.boolean(),
    requireCommonLanguage: z.boolean(),
    maxTimezoneGapHours: z.number().optional(),
  }),
  questions: z.array(customQuestionSchema),
  acceptance: z.enum(['both-parties', 'admin-approval']),
  proposalTtlDays: z.number().int(),
  adminIds: z.array(z.string()).describe('User ids of the program’s admins, its creator first'),
});

export const programResponseSchema = z
  .object({
    programId: z
      .string()
      .meta({ description: 'The program’s id', examples: ['0b6f3c1e-5d2a-4c8e-9f1a-2b7d4e6a8c10'] }),
    version: z
      .number()
      .int()
      .min(1)
      .describe('Stream version of the program, also its ETag; send it back as If-Match'),
    name: z.string(),
    description: z.string().optional(),
    questionLabels: z.record(z.string(), z.string()).optional().describe('Question id → label'),
    programType: z.enum(['one-to-one', 'group', 'reverse', 'peer']).meta({ examples: ['one-to-one'] }),
    status: programStatusSchema,
    settings: programSettingsSchema,
    createdAt: z.iso.datetime().meta({ examples: ['2027-01-05T09:30:00.000Z'] }),
  })
  .describe('A mentoring program');
export type ProgramResponse = z.output<typeof programResponseSchema>;

/** The public shape of a program: the read model without storage fields, once its first event is applied. */
export function programResponse(view: ProgramView): ProgramResponse {
  const { programType, status, settings } = view;
  // Handlers and queries only show programs whose creation was applied (version ≥ 1).
  if (!programType || !status || !settings) throw new Error(`program ${view.programId} is not projected`);
  return {
    programId: view.programId,
    version: view.version,
    name: view.name,
    ...(view.description === undefined ? {} : { description: view.description }),
    ...(view.questionLabels === undefined ? {} : { questionLabels: view.questionLabels }),
    programType,
    status,
    settings,
    createdAt: view.createdAt,
  };
}
