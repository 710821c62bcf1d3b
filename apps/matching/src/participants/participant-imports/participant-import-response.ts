import { z } from 'zod';
import type { RejectedRow } from '../import-participants/participant-rows';
import type { ImportJobDocument } from './import-jobs';

/** Where a job is shown: `GET` this path for its status, `POST …/cancel` to stop it. */
export const importJobPath = (programId: string, jobId: string) =>
  `/api/matching/v1/programs/${programId}/participant-imports/${jobId}`;

export const rejectedRowSchema = z.object({
  line: z.number().int().describe('Line of the row in the file (the header is line 1)'),
  userId: z.string(),
  problems: z.array(
    z.object({
      field: z.string().describe('The CSV column, or `(row)` for a rule about the whole row'),
      code: z.string().meta({ examples: ['already-enrolled'] }),
      message: z.string(),
    }),
  ),
});

export const participantImportResponseSchema = z
  .object({
    jobId: z
      .string()
      .meta({ description: 'The import job’s id', examples: ['9c2e4a7b-1f3d-4e5a-8b6c-0d1e2f3a4b5c'] }),
    programId: z.string(),
    status: z.enum(['queued', 'running', 'completed', 'cancelled', 'failed']).meta({ examples: ['running'] }),
    cancelRequested: z
      .literal(true)
      .optional()
      .describe('A running job asked to stop: it stops after the chunk in hand'),
    progress: z.object({
      rows: z.number().int().describe('Data rows in the file'),
      done: z.number().int().describe('Rows checked so far'),
      enrolled: z.number().int(),
      rejected: z.number().int(),
    }),
    createdAt: z.iso.datetime().meta({ examples: ['2027-01-05T09:30:00.000Z'] }),
    startedAt: z.iso.datetime().optional(),
    finishedAt: z.iso.datetime().optional(),
    error: z.string().optional().describe('Why a failed job failed'),
    rejected: z
      .array(rejectedRowSchema)
      .optional()
      .describe('Every rejected row, in file order, once the job has stopped'),
  })
  .describe('A CSV import of participants, run in the background');
export type ParticipantImportResponse = z.output<typeof participantImportResponseSchema>;

/** A job as the API shows it; the rejection report once it has stopped (completed, cancelled, failed). */
export function participantImportResponse(
  job: ImportJobDocument,
  report?: readonly RejectedRow[],
): ParticipantImportResponse {
  return {
    jobId: job.jobId,
    programId: job.programId,
    status: job.status,
    ...(job.cancelRequested && job.status === 'running' ? { cancelRequested: true as const } : {}),
    progress: {
      rows: job.rows,
      done: job.rowsDone,
      enrolled: job.enrolled,
      rejected: job.rejected,
    },
    createdAt: job.createdAt.toISOString(),
    ...(job.startedAt ? { startedAt: job.startedAt.toISOString() } : {}),
    ...(job.finishedAt ? { finishedAt: job.finishedAt.toISOString() } : {}),
    ...(job.status === 'failed' && job.lastError ? { error: job.lastError } : {}),
    ...(report ? { rejected: report.map((row) => ({ ...row, problems: [...row.problems] })) } : {}),
  };
}

export const isFinished = (job: ImportJobDocument) =>
  job.status === 'completed' || job.status === 'cancelled' || job.status === 'failed';
