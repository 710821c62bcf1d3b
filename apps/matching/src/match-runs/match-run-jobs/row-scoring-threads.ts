import { Worker } from 'node:worker_threads';
import type { RunScoresOptions } from '@tandem/matching-domain';
import type { RowScoringWorkerData } from './row-scoring-worker';
import { workerFile } from './worker-file';

/** Threads that score a large run's rows alongside the thread solving it (the run's other cores). */
export class RowScoringThreads {
  private readonly started: Worker[] = [];
  private readonly exits: Promise<number>[] = [];

  constructor(private readonly threads: number) {}

  /** For `runMatching`'s options: starts the threads when the run asks (none if `threads` is 0). */
  readonly scoreRowsElsewhere: NonNullable<RunScoresOptions['scoreRowsElsewhere']> = (job, shared) => {
    const { filename, ...options } = workerFile('row-scoring-worker');
    const workerData: RowScoringWorkerData = { job, shared };
    for (let k = 0; k < this.threads; k++) {
      const worker = new Worker(filename, { workerData, ...options });
      // A helper that fails only leaves more rows to the run's own thread, which scores any left;
      // the failure is still worth a line in the log.
      worker.on('error', (error) =>
        process.emitWarning(`A match run's row-scoring thread failed: ${error.message}`),
      );
      let scoredBlocks = 0;
      worker.on('message', (blocks: number) => (scoredBlocks = blocks));
      this.exits.push(new Promise((resolve) => worker.once('exit', () => resolve(scoredBlocks))));
      this.started.push(worker);
    }
  };

  /** Blocks of rows the threads scored, once all of them ended. */
  async scoredBlocks(): Promise<number> {
    return (await Promise.all(this.exits)).reduce((sum, blocks) => sum + blocks, 0);
  }

  /** Ends the threads still running (each ends by itself once no row is left; this is for cancelled runs). */
  async stop(): Promise<void> {
    await Promise.all(this.started.splice(0).map((worker) => worker.terminate()));
  }
}
