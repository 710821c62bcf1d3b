import { z } from 'zod';

// The shapes of a person's personal data as matching answers it and as the export assembles it
// (apps/matching/README.md, "Personal data export"). Nested records the other routes already
// describe (a profile, an agreement) stay open here: the export shows them as stored.

const openRecord = z.record(z.string(), z.unknown());

export const matchingPersonalDataSchema = z.object({
  service: z.literal('matching'),
  userId: z.string(),
  directory: openRecord.nullable().describe('The directory entry (names, e-mail, job, …); null when none'),
  overallCapacity: z.number().nullable(),
  enrolments: z.array(
    z.object({
      participantId: z.string(),
      programId: z.string(),
      status: z.string(),
      roles: z.array(z.string()),
      enrolledAt: z.string(),
      capacity: z.number().optional(),
      facets: z.record(z.string(), z.string()),
      profile: openRecord.describe('Skills, focus areas, answers, languages, time zone, …'),
    }),
  ),
  relationships: z.array(
    z.object({
      relationshipId: z.string(),
      programId: z.string(),
      role: z.enum(['mentor', 'mentee']),
      status: z.string(),
      mentorIds: z.array(z.string()),
      menteeIds: z.array(z.string()),
      score: z.number(),
      source: z.string(),
      startedAt: z.string().optional(),
      endReason: z.string().optional(),
      agreementTerms: openRecord.optional().describe('The terms this person recorded (older relationships)'),
      agreement: openRecord.optional().describe('The mutual agreement of the relationship'),
      reflectionComment: z.string().optional().describe('This person’s closing reflection comment'),
      rematch: openRecord.optional(),
    }),
  ),
  matchRunPairs: z.array(
    z.object({
      runId: z.string(),
      programId: z.string(),
      status: z.string(),
      createdAt: z.string(),
      menteeId: z.string(),
      mentorId: z.string(),
      score: z.number(),
      breakdown: z.array(openRecord),
    }),
  ),
  importedRows: z.array(
    z.object({
      jobId: z.string(),
      programId: z.string(),
      line: z.number(),
      fields: z.record(z.string(), z.string()),
    }),
  ),
});

export const personalDataExportSchema = z.object({
  format: z.literal('tandem.personal-data-export'),
  formatVersion: z.literal(1),
  tenantId: z.string(),
  userId: z.string(),
  exportedAt: z.string(),
  services: z.object({
    matching: matchingPersonalDataSchema,
    goals: openRecord.describe('GET /api/goals/v1/people/{userId}/personal-data'),
    sessions: openRecord.describe('GET /api/sessions/v1/people/{userId}/personal-data'),
    analytics: openRecord.describe('GET /api/analytics/v1/people/{userId}/personal-data'),
  }),
});
export type PersonalDataExport = z.output<typeof personalDataExportSchema>;
