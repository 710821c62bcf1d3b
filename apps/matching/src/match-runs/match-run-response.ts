import { comparedFigures, compareRuns } from '@tandem/matching-domain';
import { z } from 'zod';
import type { MatchRunView } from '../infrastructure/views';

/** The answer's type with the domain's readonly arrays accepted as they are (they are only serialised). */
export type Sent<T> = T extends (infer Item)[]
  ? readonly Sent<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: Sent<T[K]> }
    : T;

const participantId = (description: string) =>
  z.string().meta({ description, examples: ['3b1f7c52-8a0e-4d6b-9c2f-5e7a1d0b4c68'] });
const runId = (description: string) =>
  z.string().meta({ description, examples: ['9d4e2b17-6c3a-4f85-b0d1-7a2c5e8f3b90'] });

export const criterionScoreSchema = z.object({
  criterion: z.string().meta({ description: 'Criterion code, or question:<id>', examples: ['skills'] }),
  points: z.number().describe('Points this criterion earned'),
  maxPoints: z.number().describe('Points it could earn (its share of the weights)'),
  explanation: z.string().meta({ examples: ['shares 2 of 3 sought skills: negotiation, pricing'] }),
});

const proposedPairSchema = z.object({
  menteeId: participantId('Participant id of the mentee'),
  mentorId: participantId('Participant id of the mentor'),
  score: z.number().describe('0–100, the sum of the breakdown'),
  breakdown: z.array(criterionScoreSchema),
});

const reportSchema = z
  .object({
    matched: z.number().int(),
    unmatched: z.number().int(),
    totalScore: z.number(),
    meanScore: z.number().nullable().describe('Null when nothing was matched'),
    minScore: z.number().nullable().describe('Null when nothing was matched'),
    unmatchedMentees: z.array(
      z.object({
        menteeId: participantId('Participant id of the mentee'),
        reason: z
          .enum(['no-eligible-mentor', 'below-minimum-score', 'capacity-exhausted'])
          .meta({ examples: ['capacity-exhausted'] }),
        explanation: z.string(),
      }),
    ),
    groups: z
      .array(
        z.object({
          dimension: z.string().meta({
            description: 'department, location or demographic:<key> (consented only)',
            examples: ['department'],
          }),
          group: z.string().meta({ examples: ['Engineering'] }),
          mentees: z.number().int(),
          matched: z.number().int(),
          matchRate: z.number().describe('matched / mentees, 0–1'),
          meanScore: z.number().nullable().describe("Mean score of the group's pairs; null when none"),
        }),
      )
      .describe(
        "Figures per group of mentees; a group is left out when under 5 mentees, or when subtracting its figures from this run's totals, an earlier run's or the enrolment's would single out fewer than 5 people",
      ),
    suppressedGroups: z
      .number()
      .int()
      .describe('How many groups were left out (under 5 mentees, or open to differencing)'),
  })
  .describe("The run's figures: who was matched, who was not and why, per group");

const pairRefSchema = z.object({
  menteeId: participantId('Participant id of the mentee'),
  mentorId: participantId('Participant id of the mentor'),
});
const draftConstraintsSchema = z.object({
  pinned: z.array(pairRefSchema).describe('Pairs the draft must make'),
  forbidden: z.array(pairRefSchema).describe('Pairs the draft must not make'),
  removed: z.array(participantId('Participant id of a mentee left out')),
});

/** A match run, reported whole: its pairs and figures are one result, not a list to page through. */
export const matchRunResponseSchema = z.object({
  runId: runId('Id of the match run'),
  programId: z.string().meta({ description: 'Program it matched', examples: ['prog-eng-2027'] }),
  version: z.number().int().describe('Stream version, also sent as the ETag'),
  status: z
    .enum(['draft', 'published'])
    .meta({ description: 'A draft proposes nothing until it is published', examples: ['draft'] }),
  createdAt: z.string().meta({ examples: ['2027-03-01T09:30:00.000Z'] }),
  createdBy: z.string().describe('User id of the admin who ran it'),
  settingsUsed: z
    .object({
      criteriaWeights: z.record(z.string(), z.number()).meta({ examples: [{ skills: 60, languages: 40 }] }),
      minimumScore: z.number(),
      hardRules: z.object({
        excludeSameDepartment: z.boolean(),
        excludeOwnManager: z.boolean(),
        excludePreviousPairs: z.boolean(),
        requireCommonLanguage: z.boolean(),
        maxTimezoneGapHours: z.number().optional(),
      }),
    })
    .describe("The program's settings with the run's what-if overrides"),
  pairs: z.array(proposedPairSchema).describe('The optimal assignment: the pairs this run proposes'),
  report: reportSchema,
  optimal: z.boolean().describe('The optimality certificate holds: no assignment scores higher'),
  certificateViolations: z.array(z.string()).describe('Why the certificate failed, if it did'),
  relationshipIds: z.array(z.string()).optional().describe('Once published: the relationships it proposed'),
  basedOnRunId: runId('A reviewed draft: the run it was re-solved from').optional(),
  constraints: draftConstraintsSchema
    .optional()
    .describe('A reviewed draft: what the re-solve kept (pins, forbidden pairs, removed mentees)'),
});
export type MatchRunResponse = z.output<typeof matchRunResponseSchema>;

export function matchRunResponse(view: MatchRunView): Sent<MatchRunResponse> {
  const { _id: _storageId, tenantId: _tenantId, _applied, _revision, status, ...run } = view;
  // Runs are shown from their first event (version ≥ 1), which sets the status.
  if (status === undefined) throw new Error(`match run ${view.runId} is shown before its first event`);
  return { ...run, status };
}

/** What-if report of two runs: the pairs one adds, drops or scores differently, and the headline figures. */
export const matchRunComparisonSchema = z.object({
  before: runId('The run compared against (`with`)'),
  after: runId('The run compared'),
  added: z.array(proposedPairSchema).describe('Pairs in `after` only'),
  removed: z.array(proposedPairSchema).describe('Pairs in `before` only'),
  scoreChanged: z
    .array(
      z.object({
        menteeId: participantId('Participant id of the mentee'),
        mentorId: participantId('Participant id of the mentor'),
        before: z.number(),
        after: z.number(),
      }),
    )
    .describe('Pairs in both whose score differs'),
  figures: z.array(
    z.object({
      name: z.enum(comparedFigures).meta({ examples: ['matched'] }),
      before: z.number().nullable(),
      after: z.number().nullable(),
      delta: z.number().nullable().describe('after − before; null when either is null'),
    }),
  ),
});
export type MatchRunComparison = z.output<typeof matchRunComparisonSchema>;

export function matchRunComparison(before: MatchRunView, after: MatchRunView): Sent<MatchRunComparison> {
  return { before: before.runId, after: after.runId, ...compareRuns(before, after) };
}
