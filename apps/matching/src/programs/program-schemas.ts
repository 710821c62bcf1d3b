import { pageQuery } from '@tandem/auth';
import { z } from 'zod';

const code = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case code like "career-track"');
export const criterion = z
  .string()
  .regex(
    /^(question:)?[a-z0-9]+(-[a-z0-9]+)*$/,
    'must be a criterion (skills, focus-areas, seniority, languages, location, timezone, department) or question:<id>',
  );
const day = z.iso.date();
const userId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_:-]{0,99}$/, 'must be a user id');
/** Numbers in questionnaires (years of experience, hours a month…): ±1e6 is ample and keeps scoring finite. */
export const ANSWER_LIMIT = 1_000_000;
export const answerNumber = z.number().min(-ANSWER_LIMIT).max(ANSWER_LIMIT);

const question = z.discriminatedUnion('kind', [
  z.strictObject({
    id: code,
    kind: z.literal('single-choice'),
    label: z.string().trim().min(1).max(300),
    options: z.array(code).min(2).max(50),
  }),
  z.strictObject({
    id: code,
    kind: z.literal('multi-choice'),
    label: z.string().trim().min(1).max(300),
    options: z.array(code).min(2).max(50),
  }),
  z.strictObject({
    id: code,
    kind: z.literal('number'),
    label: z.string().trim().min(1).max(300),
    min: answerNumber,
    max: answerNumber,
  }),
]);

export const hardRulesInput = z.strictObject({
  excludeSameDepartment: z.boolean(),
  excludeOwnManager: z.boolean(),
  excludePreviousPairs: z.boolean(),
  requireCommonLanguage: z.boolean(),
  maxTimezoneGapHours: z.number().min(0).max(26).optional(),
});

/** Every program setting an admin may set; all optional here, defaults are applied on creation. */
const settingsFields = {
  matchingMode: z.enum(['admin-bulk', 'self-select', 'hybrid']),
  mentorsPerMentee: z.number().int().min(1).max(3),
  defaultMentorCapacity: z.number().int().min(1).max(50),
  maxGroupSize: z.number().int().min(2).max(50),
  minimumScore: z.number().min(0).max(100),
  criteriaWeights: z
    .record(criterion, z.number().min(0).max(100))
    .refine((w) => Object.values(w).some((v) => v > 0), 'at least one weight must be above 0'),
  sessionsPerMonth: z.number().min(0).max(31),
  startsOn: day,
  endsOn: day,
  /** Enrolment opens on this day and closes after `enrolmentClosesOn` (UTC days, included). */
  enrolmentOpensOn: day,
  enrolmentClosesOn: day,
  hardRules: hardRulesInput,
  questions: z.array(question).max(30),
  acceptance: z.enum(['both-parties', 'admin-approval']),
  proposalTtlDays: z.number().int().min(1).max(365),
  adminIds: z.array(userId).max(50),
};
export const settingsInput = z.strictObject(settingsFields).partial();
export type SettingsInput = z.infer<typeof settingsInput>;

export const defaultSettings = {
  matchingMode: 'admin-bulk',
  mentorsPerMentee: 1,
  defaultMentorCapacity: 2,
  minimumScore: 0,
  criteriaWeights: { skills: 40, 'focus-areas': 20, seniority: 15, languages: 10, timezone: 10, location: 5 },
  sessionsPerMonth: 2,
  hardRules: {
    excludeSameDepartment: false,
    excludeOwnManager: true,
    excludePreviousPairs: true,
    requireCommonLanguage: true,
  },
  questions: [],
  acceptance: 'both-parties',
  proposalTtlDays: 14,
} as const;

export const createProgramBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
  type: z.enum(['one-to-one', 'group', 'reverse', 'peer']),
  settings: settingsInput.default({}),
});
export type CreateProgramBody = z.infer<typeof createProgramBody>;

export const updateProgramBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5000),
    settings: settingsInput,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'name, description or settings is required');
export type UpdateProgramBody = z.infer<typeof updateProgramBody>;

export const listProgramsQuery = z.strictObject({
  status: z.enum(['draft', 'enrolment-open', 'enrolment-closed', 'active', 'closed']).optional(),
  ...pageQuery(200, 50),
});
export type ListProgramsQuery = z.output<typeof listProgramsQuery>;
