import { wholeNumberSetting } from '../../infrastructure/whole-number-setting';

/** Limits and timing of CSV imports, from the environment (documented in the service README). */
export interface ImportSettings {
  /** Data rows per file; a longer file is refused whole with a 413 (IMPORT_MAX_ROWS, default 50,000). */
  readonly maxRows: number;
  /** Rows enrolled per round trip and per checkpoint (IMPORT_CHUNK_ROWS, default 500). */
  readonly chunkRows: number;
  /** How often a replica looks for jobs to run or take over; 0 = never (IMPORT_JOB_POLL_MS, default 2 s). */
  readonly pollMs: number;
  /** How long a runner's hold on a job lasts without a checkpoint (IMPORT_JOB_LEASE_MS, default 30 s). */
  readonly leaseMs: number;
  /** Failed attempts at one chunk before the job fails (retried after `retryMs`). */
  readonly maxFailures: number;
  readonly retryMs: number;
}


export function importSettings(env: NodeJS.ProcessEnv = process.env): ImportSettings {
  return {
    maxRows: wholeNumberSetting(env, 'IMPORT_MAX_ROWS', 50_000, 1),
    chunkRows: wholeNumberSetting(env, 'IMPORT_CHUNK_ROWS', 500, 1),
    pollMs: wholeNumberSetting(env, 'IMPORT_JOB_POLL_MS', 2_000, 0),
    leaseMs: wholeNumberSetting(env, 'IMPORT_JOB_LEASE_MS', 30_000, 1),
    maxFailures: 5,
    retryMs: 5_000,
  };
}
