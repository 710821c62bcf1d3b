import { parentPort, workerData } from 'node:worker_threads';
import { scoreRowsAlongside, type RowScoringJob, type SharedScoreRows } from '@tandem/matching-domain';

/** What row-scoring-threads.ts starts this thread with. */
export interface RowScoringWorkerData {
  readonly job: RowScoringJob;
  readonly shared: SharedScoreRows;
}

// A helper of one match run: scores the run's unclaimed rows into its shared cache, says how
// many blocks it scored, then ends.
const { job, shared } = workerData as RowScoringWorkerData;
parentPort?.postMessage(scoreRowsAlongside(job, shared));
