import { z } from 'zod';
import type { MatchRunView } from '../../infrastructure/views';
import { matchRunResponseSchema, type Sent } from '../match-run-response';

/** A run in a list: its headline, not its pairs (GET …/match-runs/:runId has them). */
export const matchRunSummarySchema = matchRunResponseSchema
  .pick({
    runId: true,
    programId: true,
    version: true,
    status: true,
    createdAt: true,
    createdBy: true,
    optimal: true,
    basedOnRunId: true,
    constraints: true,
  })
  .extend({
    matched: z.number().int().describe('Mentees matched'),
    unmatched: z.number().int().describe('Mentees left unmatched'),
    totalScore: z.number(),
  });
export type MatchRunSummary = z.output<typeof matchRunSummarySchema>;

export function matchRunSummary(view: MatchRunView): Sent<MatchRunSummary> {
  const { runId, programId, version, status, createdAt, createdBy, optimal, basedOnRunId, constraints } =
    view;
  if (status === undefined) throw new Error(`match run ${runId} is listed before its first event`);
  return {
    runId,
    programId,
    version,
    status,
    createdAt,
    createdBy,
    optimal,
    ...(basedOnRunId === undefined ? {} : { basedOnRunId }),
    ...(constraints === undefined ? {} : { constraints }),
    matched: view.report.matched,
    unmatched: view.report.unmatched,
    totalScore: view.report.totalScore,
  };
}
