import type { RejectedRow } from '../import-participants/participant-rows';
import type { ImportJobDocument } from './import-jobs';

/** Where a job is shown: `GET` this path for its status, `POST …/cancel` to stop it. */
export const importJobPath = (programId: string, jobId: string) =>
  `/api/matching/v1/programs/${programId}/participant-imports/${jobId}`;

/** A job as the API shows it; the rejection report once it has stopped (completed, cancelled, failed). */
export function participantImportResponse(job: ImportJobDocument, report?: readonly RejectedRow[]) {
  return {
    jobId: job.jobId,
    programId: job.programId,
    status: job.status,
    ...(job.cancelRequested && job.status === 'running' ? { cancelRequested: true } : {}),
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
    ...(report ? { rejected: report } : {}),
  };
}

export type ParticipantImportResponse = ReturnType<typeof participantImportResponse>;

export const isFinished = (job: ImportJobDocument) =>
  job.status === 'completed' || job.status === 'cancelled' || job.status === 'failed';
