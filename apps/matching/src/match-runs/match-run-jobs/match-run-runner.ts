import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { MatchRunProgress } from '@tandem/matching-domain';
import { PeriodicTask } from '@tandem/runtime';
import { MatchRunExecution, requestOf } from './match-run-execution';
import { leaseOf, MatchRunJobs, type MatchRunJobDocument, type RunLease } from './match-run-jobs';
import { MatchRunPool } from './match-run-pool';
import { matchRunSettings } from './match-run-settings';

/** Why a run stopped before its result was stored. */
type StopReason = 'cancelled' | 'lease-lost' | 'shutdown';

const SHUTDOWN_ERROR = 'the service stopped during the run; start it again';
const DIED_ERROR = 'the process running it stopped before it finished; start it again';

/**
 * Runs queued match runs in the background, up to MATCH_RUN_THREADS at once per replica. Every
 * replica looks for work every MATCH_RUN_POLL_MS (and at once when a run is requested): it claims
 * a queued run with one compare-and-set, so exactly one replica solves each. While a run is
 * solved its progress is saved and its hold renewed every MATCH_RUN_HEARTBEAT_MS; a run whose
 * hold lapses (its process died) is marked failed by whichever replica looks next.
 */
@Injectable()
export class MatchRunRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MatchRuns');
  private readonly settings = matchRunSettings();
  private readonly owner = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private readonly task = new PeriodicTask('MatchRuns', () => this.look());
  private readonly running = new Map<string, { stop(reason: StopReason): void; done: Promise<void> }>();
  private claiming?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly jobs: MatchRunJobs,
    private readonly execution: MatchRunExecution,
    private readonly pool: MatchRunPool,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .ensureIndexes()
      .catch((error: Error) => this.logger.warn(`indexes not ensured yet: ${error.message}`));
    this.task.start(this.settings.pollMs);
    void this.look();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.task.stop();
    await this.claiming;
    for (const run of this.running.values()) run.stop('shutdown');
    await Promise.all([...this.running.values()].map((run) => run.done));
  }

  /** Claims queued runs while threads are free; called when a run is requested. */
  wake(): void {
    this.claiming ??= this.claimWhileFree()
      .catch((error: Error) => this.logger.warn(`claiming match runs failed: ${error.message}`))
      .finally(() => (this.claiming = undefined));
  }

  /** Stops a run this process is solving (a cancel request that reached this replica). */
  cancelHere(jobId: string): void {
    this.running.get(jobId)?.stop('cancelled');
  }

  private async look(): Promise<void> {
    if (this.stopping) return;
    for (const job of await this.jobs.lapsed()) {
      if (this.running.has(job._id)) continue;
      const completed = await this.execution.stored(job);
      if (!completed) await this.execution.discard(job);
      const settled = await this.jobs.settleLapsed(
        job,
        completed ? { status: 'completed' } : { status: 'failed', error: DIED_ERROR },
      );
      if (settled)
        this.logger.warn(
          `match run ${job.runId}: its process died; marked ${completed ? 'completed' : 'failed'}`,
        );
    }
    this.wake();
    await this.claiming;
  }

  private async claimWhileFree(): Promise<void> {
    while (!this.stopping && this.running.size < this.settings.threads) {
      const job = await this.jobs.claim(this.owner, this.settings.leaseMs);
      if (!job) return;
      this.start(job);
    }
  }

  private start(job: MatchRunJobDocument): void {
    const abort = new AbortController();
    let reason: StopReason | undefined;
    const done = this.solve(job, leaseOf(job), abort.signal, () => reason)
      // Its outcome could not be saved (the database is away): the lease lapses and a sweep settles it.
      .catch((error: Error) =>
        this.logger.warn(`match run ${job.runId}: outcome not saved: ${error.message}`),
      )
      .finally(() => {
        this.running.delete(job._id);
        this.wake();
      });
    this.running.set(job._id, {
      stop: (why) => {
        reason ??= why;
        abort.abort(new Error(why));
      },
      done,
    });
  }

  private async solve(
    job: MatchRunJobDocument,
    lease: RunLease,
    signal: AbortSignal,
    stopReason: () => StopReason | undefined,
  ): Promise<void> {
    let progress: MatchRunProgress | null = null;
    const stop = (why: StopReason) => this.running.get(job._id)?.stop(why);
    const heartbeat = setInterval(() => {
      void this.jobs
        .heartbeat(lease, progress, this.settings.leaseMs)
        .then((held) => {
          if (!held) stop('lease-lost');
          else if (held.cancelRequested) stop('cancelled');
        })
        .catch((error: Error) =>
          this.logger.warn(`match run ${job.runId}: progress not saved: ${error.message}`),
        );
    }, this.settings.heartbeatMs);
    const started = Date.now();
    try {
      if (job.cancelRequested) throw new Error('cancelled');
      const prepared = await this.execution.prepare(requestOf(job));
      const result = await this.pool.solve(prepared.input, (update) => (progress = update), signal);
      if (signal.aborted) throw signal.reason;
      await this.execution.store(job, prepared, result);
      await this.jobs.finish(lease, { status: 'completed' }, progress);
      this.logger.log(
        `match run ${job.runId} for ${job.programId}: ${result.report.matched} matched, ${result.report.unmatched} unmatched in ${Date.now() - started} ms`,
      );
    } catch (error) {
      const why = stopReason() ?? (job.cancelRequested ? 'cancelled' : undefined);
      if (why === 'lease-lost') return; // another replica has already settled it
      if (why === 'cancelled') await this.jobs.finish(lease, { status: 'cancelled' }, progress);
      else {
        const message = why === 'shutdown' ? SHUTDOWN_ERROR : (error as Error).message;
        this.logger.warn(`match run ${job.runId} failed: ${message}`);
        await this.jobs.finish(lease, { status: 'failed', error: message }, progress);
      }
    } finally {
      clearInterval(heartbeat);
    }
  }
}
