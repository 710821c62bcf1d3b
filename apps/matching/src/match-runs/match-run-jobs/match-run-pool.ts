import { MessageChannel } from 'node:worker_threads';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { MatchRunInput, MatchRunProgress, MatchRunResult } from '@tandem/matching-domain';
import { Piscina } from 'piscina';
import { matchRunSettings } from './match-run-settings';
import type { MatchRunTask } from './match-run-worker';
import { workerFile } from './worker-file';

/**
 * Worker threads that solve match runs (piscina), as many as MATCH_RUN_THREADS, so a run of any
 * size leaves the service's event loop free.
 */
@Injectable()
export class MatchRunPool implements OnApplicationShutdown {
  private started?: Piscina;

  /** Started at the first run, so a replica that never solves one starts no thread. */
  private get pool(): Piscina {
    this.started ??= this.start();
    return this.started;
  }

  private start(): Piscina {
    return new Piscina({
      ...workerFile('match-run-worker'),
      maxThreads: matchRunSettings().threads,
      // One thread stays: with none (minThreads 0), piscina 4.9 left a task waiting forever.
      minThreads: 1,
      idleTimeout: 60_000,
    });
  }

  /** Solves on a worker thread; `signal` aborts it (the thread is stopped, the promise rejects). */
  async solve(
    input: MatchRunInput,
    onProgress: (progress: MatchRunProgress) => void,
    signal: AbortSignal,
  ): Promise<MatchRunResult> {
    const channel = new MessageChannel();
    channel.port2.on('message', onProgress);
    try {
      const task: MatchRunTask = {
        input,
        progress: channel.port1,
        scoringThreads: matchRunSettings().scoringThreads,
      };
      return (await this.pool.run(task, { transferList: [channel.port1], signal })) as MatchRunResult;
    } finally {
      channel.port2.close();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.started?.destroy();
  }
}
