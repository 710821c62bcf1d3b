import type { MessagePort } from 'node:worker_threads';
import {
  runMatching,
  type MatchRunInput,
  type MatchRunProgress,
  type MatchRunResult,
} from '@tandem/matching-domain';
import { RowScoringThreads } from './row-scoring-threads';

/** A match run as a worker thread receives it: its input, and a port to send its progress on. */
export interface MatchRunTask {
  readonly input: MatchRunInput;
  readonly progress: MessagePort;
  /** Threads that score the run's rows alongside this one (MATCH_RUN_SCORING_THREADS). */
  readonly scoringThreads: number;
}

/** Progress messages are sent at most this often (a phase change is always sent). */
const PROGRESS_EVERY_MS = 200;

/** Runs in a worker thread of the match-run pool (match-run-pool.ts): the solve, off the service's event loop. */
export default function solveMatchRun({ input, progress, scoringThreads }: MatchRunTask): MatchRunResult {
  const helpers = new RowScoringThreads(scoringThreads);
  let sentAt = 0;
  let phase: MatchRunProgress['phase'] | undefined;
  try {
    return runMatching(input, {
      scoreRowsElsewhere: helpers.scoreRowsElsewhere,
      onProgress: (update) => {
        const now = Date.now();
        if (update.phase === phase && now - sentAt < PROGRESS_EVERY_MS && update.done < update.total) return;
        phase = update.phase;
        sentAt = now;
        progress.postMessage(update);
      },
    });
  } finally {
    void helpers.stop();
    progress.close();
  }
}
