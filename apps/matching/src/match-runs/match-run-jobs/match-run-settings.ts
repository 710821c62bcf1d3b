import { availableParallelism } from 'node:os';
import { wholeNumberSetting } from '../../infrastructure/whole-number-setting';

/** Timing and threads of background match runs, from the environment (documented in the service README). */
export interface MatchRunSettings {
  /** Runs solved at once by this process, each on its own worker thread (MATCH_RUN_THREADS, default cores − 1, at least 1). */
  readonly threads: number;
  /** Threads per large run that score its rows alongside the run's own (MATCH_RUN_SCORING_THREADS, default cores − 1). */
  readonly scoringThreads: number;
  /** How often a replica looks for queued runs and for runs whose process died (MATCH_RUN_POLL_MS, default 2 s). */
  readonly pollMs: number;
  /** How often a running run's progress is saved and its hold renewed (MATCH_RUN_HEARTBEAT_MS, default 1 s). */
  readonly heartbeatMs: number;
  /** A run whose hold was not renewed for this long is marked failed: its process died (MATCH_RUN_LEASE_MS, default 15 s). */
  readonly leaseMs: number;
}

export function matchRunSettings(env: NodeJS.ProcessEnv = process.env): MatchRunSettings {
  const heartbeatMs = wholeNumberSetting(env, 'MATCH_RUN_HEARTBEAT_MS', 1_000, 10);
  const leaseMs = wholeNumberSetting(env, 'MATCH_RUN_LEASE_MS', 15_000, 1);
  if (leaseMs <= heartbeatMs)
    throw new Error('MATCH_RUN_LEASE_MS must be longer than MATCH_RUN_HEARTBEAT_MS');
  return {
    threads: wholeNumberSetting(env, 'MATCH_RUN_THREADS', Math.max(1, availableParallelism() - 1), 1),
    scoringThreads: wholeNumberSetting(env, 'MATCH_RUN_SCORING_THREADS', availableParallelism() - 1, 0),
    pollMs: wholeNumberSetting(env, 'MATCH_RUN_POLL_MS', 2_000, 10),
    heartbeatMs,
    leaseMs,
  };
}
