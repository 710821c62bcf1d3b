import {
  achievements,
  FUNNEL_STEPS,
  programFunnel,
  programHealth,
  programSummary,
  type FactSet,
  type RiskReason,
} from '@tandem/analytics-domain';
import { z } from 'zod';

// The program reports as the API answers them. Each is a report over the program's facts, not a
// list of resources: a fixed shape, computed whole (achievements are the newest `limit` highlights).

const instant = z.iso.datetime({ offset: true });
const programId = z.string().meta({ examples: ['p-2026-spring'] });
const count = z.int().min(0);
const asOf = instant
  .optional()
  .describe('The `asOf` asked for: the report shows what was known then')
  .meta({ examples: ['2026-02-09T09:00:00.000Z'] });

export const programSummarySchema = z.object({
  programId,
  enrolledMentors: count,
  enrolledMentees: count,
  matchedMentees: count.describe('Mentees in at least one relationship that started'),
  relationships: z.object({ active: count, paused: count, ended: count }),
  sessionsHeld: count,
  sessionHours: z.number().min(0),
  goalsSet: count,
  goalsCompleted: count,
  goalCompletionRate: z.number().min(0).max(1).nullable().describe('Completed ÷ set; null before any goal'),
  averageSessionRating: z.number().nullable().describe('Null before any rating'),
  checkInsOverdue: count,
  asOf,
});

export function summaryReport(
  facts: FactSet,
  program: string,
  at?: string,
): z.output<typeof programSummarySchema> {
  return { ...programSummary(facts, program), ...(at ? { asOf: at } : {}) };
}

export const programFunnelSchema = z.object({
  programId,
  stages: z.array(
    z.object({
      step: z.enum(FUNNEL_STEPS).meta({ examples: ['first-session-held'] }),
      count: count.describe('Mentees who reached this step and every step before it'),
      medianDaysFromPrevious: z
        .number()
        .nullable()
        .describe('Median days from the previous step; null for the first step or when nobody reached it'),
    }),
  ),
  asOf,
});

export function funnelReport(
  facts: FactSet,
  program: string,
  at?: string,
): z.output<typeof programFunnelSchema> {
  const funnel = programFunnel(facts, program);
  return { ...funnel, stages: [...funnel.stages], ...(at ? { asOf: at } : {}) };
}

const RISK_REASONS = [
  'no-session-within-cadence',
  'check-in-overdue',
  'low-ratings',
  'overdue-goals',
  'proposal-unanswered',
  'faded-after-strong-start',
] as const satisfies readonly RiskReason[];

const perWindow = (description: string) => z.number().min(0).describe(description);

export const programHealthSchema = z.object({
  programId,
  at: instant.describe('The moment the health is judged at').meta({ examples: ['2026-03-01T09:00:00.000Z'] }),
  relationshipsAtRisk: z.array(
    z.object({
      relationshipId: z.string(),
      reasons: z.array(z.enum(RISK_REASONS).meta({ examples: ['check-in-overdue'] })).min(1),
      fizzle: z
        .object({
          windowDays: z.number().positive().describe('Length of a cadence window (30 / sessions per month)'),
          windows: z.number().int().min(1).describe('Full windows since it started'),
          firstHalfPerWindow: perWindow('Sessions per window in its first half'),
          recentPerWindow: perWindow('Sessions per window in its last two windows'),
          programMedianPerWindow: perWindow('The program’s median relationship, sessions per window'),
        })
        .optional()
        .describe('Why `faded-after-strong-start`: above the median at first, below half of it lately'),
    }),
  ),
  weeklyActivity: z
    .array(z.number().min(0))
    .length(4)
    .describe('Held sessions per active relationship in each of the last four weeks, oldest first'),
  fizzling: z.boolean().describe('Activity in the last two weeks fell below 60% of the two weeks before'),
});

export function healthReport(
  facts: FactSet,
  program: string,
  at: string,
): z.output<typeof programHealthSchema> {
  const health = programHealth(facts, program, at);
  return {
    ...health,
    relationshipsAtRisk: health.relationshipsAtRisk.map((r) => ({ ...r, reasons: [...r.reasons] })),
    weeklyActivity: [...health.weeklyActivity],
  };
}

const achievedAt = instant.meta({ examples: ['2026-02-20T15:00:00.000Z'] });

export const achievementsSchema = z.object({
  programId,
  items: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({
          kind: z.literal('goal-completed'),
          at: achievedAt,
          relationshipId: z.string(),
          goalId: z.string(),
        }),
        z.object({
          kind: z.literal('milestone-completed'),
          at: achievedAt,
          relationshipId: z.string(),
          goalId: z.string(),
          milestoneId: z.string(),
        }),
        z.object({ kind: z.literal('relationship-completed'), at: achievedAt, relationshipId: z.string() }),
      ]),
    )
    .describe('The newest `limit` achievements, newest first'),
  asOf,
});

export function achievementsReport(
  facts: FactSet,
  program: string,
  limit: number,
  at?: string,
): z.output<typeof achievementsSchema> {
  return { programId: program, items: achievements(facts, program, limit), ...(at ? { asOf: at } : {}) };
}
