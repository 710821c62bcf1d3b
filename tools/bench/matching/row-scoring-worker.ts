import { workerData } from 'node:worker_threads';
// eslint-disable-next-line @nx/enforce-module-boundaries -- tools (scope:shared) benchmarks the matching domain's solver and scoring
import { scoreRowsAlongside, type RowScoringJob, type SharedScoreRows } from '@tandem/matching-domain';

// Scores a benchmarked run's unclaimed rows alongside the solving thread, as the matching
// service's row-scoring worker does for a match run.
const { job, shared } = workerData as { job: RowScoringJob; shared: SharedScoreRows };
scoreRowsAlongside(job, shared);
