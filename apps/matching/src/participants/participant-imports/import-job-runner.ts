import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@tandem/runtime';
import { ParticipantImportChunks } from './enrol-chunk';
import { ParticipantImportJobs, type ImportJobDocument, type JobLease } from './import-jobs';
import { importSettings } from './import-settings';

/**
 * Runs import jobs in the background, a chunk at a time with a checkpoint after each. Every replica
 * looks for work every IMPORT_JOB_POLL_MS (and at once when a file arrives): it claims a queued job,
 * or one whose runner's lease lapsed (a crashed process), with one compare-and-set, so exactly one
 * replica runs each job, and a job left running by a dead process resumes from its checkpoint.
 */
@Injectable()
export class ParticipantImportRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ParticipantImports');
  private readonly settings = importSettings();
  private readonly owner = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private readonly task = new PeriodicTask('ParticipantImports', () => this.wake());
  private active?: Promise<number>;
  private stopping = false;

  constructor(
    private readonly jobs: ParticipantImportJobs,
    private readonly chunks: ParticipantImportChunks,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .ensureIndexes()
      .catch((error: Error) => this.logger.warn(`indexes not ensured yet: ${error.message}`));
    this.task.start(this.settings.pollMs);
    // Jobs left by a process that died are taken over once their lease lapses (the periodic claim).
    if (this.settings.pollMs > 0) void this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.task.stop();
    await this.active;
  }

  /** Starts running pending jobs unless this process already is; off when IMPORT_JOB_POLL_MS is 0. */
  wake(): Promise<number> {
    if (this.settings.pollMs <= 0 || this.stopping) return Promise.resolve(0);
    this.active ??= this.runPending()
      .catch((error: Error) => {
        this.logger.warn(`import run failed: ${error.message}`);
        return 0;
      })
      .finally(() => (this.active = undefined));
    return this.active;
  }

  /**
   * Claims and runs jobs until none is left; returns how many it claimed. `maxChunks` stops after
   * that many chunks and lets the lease go, as a process stopping mid-job would (tests use it).
   */
  async runPending({ maxChunks = Infinity }: { maxChunks?: number } = {}): Promise<number> {
    let claimed = 0;
    let budget = maxChunks;
    while (!this.stopping && budget > 0) {
      const job = await this.jobs.claim(this.owner, this.settings.leaseMs);
      if (!job) break;
      claimed += 1;
      budget -= await this.run(job, budget);
    }
    return claimed;
  }

  /** Runs the job from its checkpoint, a chunk at a time; returns how many chunks it enrolled. */
  private async run(job: ImportJobDocument, maxChunks: number): Promise<number> {
    const lease: JobLease = { _id: job._id, owner: this.owner, term: job.leaseTerm };
    let current: ImportJobDocument | null = job;
    let done = 0;
    try {
      while (current) {
        if (current.cancelRequested) return await this.finish(lease, current, 'cancelled', done);
        if (current.nextChunk >= current.chunks) return await this.finish(lease, current, 'completed', done);
        if (this.stopping || done >= maxChunks) {
          await this.jobs.release(lease);
          return done;
        }
        const outcome = await this.chunks.enrol(current, current.nextChunk);
        // Null: another replica took the job over (this one paused past its lease); it re-runs the
        // chunk, which enrols nobody twice.
        current = await this.jobs.checkpoint(lease, current.nextChunk, outcome, this.settings.leaseMs);
        done += 1;
      }
      return done;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`import ${job.jobId}: ${message}`);
      await this.jobs.recordFailure(lease, message, this.settings.maxFailures, this.settings.retryMs);
      return done;
    }
  }

  private async finish(
    lease: JobLease,
    job: ImportJobDocument,
    status: 'completed' | 'cancelled',
    done: number,
  ): Promise<number> {
    await this.jobs.finish(lease, status);
    this.logger.log(
      `import ${job.jobId} into ${job.programId} ${status}: ${job.rowsDone}/${job.rows} rows, ${job.enrolled} enrolled, ${job.rejected} rejected`,
    );
    return done;
  }
}
