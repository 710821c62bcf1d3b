import { z } from 'zod';
import type { MatchRunJobDocument } from './match-run-jobs';

/** Where a requested run's progress is shown: `GET` this path, `POST …/cancel` to stop it. */
export const matchRunJobPath = (programId: string, runId: string) =>
  `/api/matching/v1/programs/${programId}/match-run-jobs/${runId}`;

/** Where the run itself is, once completed. */
export const matchRunPath = (programId: string, runId: string) =>
  `/api/matching/v1/programs/${programId}/match-runs/${runId}`;

export const matchRunJobResponseSchema = z
  .object({
    runId: z.string().meta({
      description: 'Id of the match run: GET …/match-runs/{runId} once completed',
      examples: ['9d4e2b17-6c3a-4f85-b0d1-7a2c5e8f3b90'],
    }),
    programId: z.string(),
    status: z.enum(['queued', 'running', 'completed', 'cancelled', 'failed']).meta({ examples: ['running'] }),
    cancelRequested: z
      .literal(true)
      .optional()
      .describe('A running run asked to stop: it stops within a second or so'),
    progress: z
      .object({
        phase: z.enum(['candidates', 'solve', 'pricing', 'certificate']).meta({
          description:
            'candidates: every pair scored once; solve: the optimal assignment; pricing: pairs outside the candidates checked; certificate: optimality verified',
          examples: ['solve'],
        }),
        done: z.number().int(),
        total: z.number().int(),
      })
      .nullable()
      .describe('How far the solve got (saved every second or so); null before it starts'),
    createdAt: z.iso.datetime().meta({ examples: ['2027-01-05T09:30:00.000Z'] }),
    createdBy: z.string().describe('User id of the admin who requested it'),
    startedAt: z.iso.datetime().optional(),
    finishedAt: z.iso.datetime().optional(),
    error: z.string().optional().describe('Why a failed run failed'),
    basedOnRunId: z.string().optional().describe('A reviewed draft: the run it is re-solved from'),
    run: z.string().optional().describe('Once completed: the path of the run, with its pairs and report'),
  })
  .describe('A requested match run, solved in the background');
export type MatchRunJobResponse = z.output<typeof matchRunJobResponseSchema>;

export function matchRunJobResponse(job: MatchRunJobDocument): MatchRunJobResponse {
  return {
    runId: job.runId,
    programId: job.programId,
    status: job.status,
    ...(job.cancelRequested && job.status === 'running' ? { cancelRequested: true as const } : {}),
    progress: job.progress ? { ...job.progress } : null,
    createdAt: job.createdAt.toISOString(),
    createdBy: job.requestedBy.userId,
    ...(job.startedAt ? { startedAt: job.startedAt.toISOString() } : {}),
    ...(job.finishedAt ? { finishedAt: job.finishedAt.toISOString() } : {}),
    ...(job.error === undefined ? {} : { error: job.error }),
    ...(job.revision ? { basedOnRunId: job.revision.basedOnRunId } : {}),
    ...(job.status === 'completed' ? { run: matchRunPath(job.programId, job.runId) } : {}),
  };
}
