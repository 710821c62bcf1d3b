import { Injectable } from '@nestjs/common';
import type { Principal, Role } from '@tandem/auth';
import type { DraftConstraints, MatchRunProgress } from '@tandem/matching-domain';
import { MongoConnection } from '@tandem/runtime';
import type { Collection } from 'mongodb';
import { requestJobCancel } from '../../infrastructure/job-cancel-request';
import { documentId } from '../../infrastructure/read-model-collections';
import type { RunMatchingBody } from '../match-run-schemas';

export type MatchRunJobStatus = 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';

/**
 * One requested match run, solved in the background. A runner holds it by its lease (owner + term,
 * renewed with every progress save); a run whose lease lapses was held by a process that died, and
 * is marked failed (never resumed: an admin starts it again). The run itself, once solved, is the
 * match-run stream and its read model; this document only tells how far the work got.
 */
export interface MatchRunJobDocument {
  _id: string;
  tenantId: string;
  runId: string;
  programId: string;
  requestedBy: { userId: string; roles: Role[] };
  overrides: RunMatchingBody;
  /** A reviewed draft re-solved: the run it comes from and the constraints it keeps. */
  revision?: { basedOnRunId: string; constraints: DraftConstraints };
  status: MatchRunJobStatus;
  progress: MatchRunProgress | null;
  cancelRequested: boolean;
  leaseOwner: string | null;
  leaseTerm: number;
  leaseUntil: Date;
  error?: string;
  createdAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
}

/** The runner's hold on a run: every write it makes is conditional on still holding it. */
export interface RunLease {
  readonly _id: string;
  readonly owner: string;
  readonly term: number;
}

const held = (lease: RunLease) => ({
  _id: lease._id,
  status: 'running' as const,
  leaseOwner: lease.owner,
  leaseTerm: lease.term,
});

export const leaseOf = (job: MatchRunJobDocument): RunLease => ({
  _id: job._id,
  owner: job.leaseOwner ?? '',
  term: job.leaseTerm,
});

/** The match-run jobs, in the service's own database. */
@Injectable()
export class MatchRunJobs {
  constructor(private readonly mongo: MongoConnection) {}

  private get jobs(): Collection<MatchRunJobDocument> {
    return this.mongo.db.collection<MatchRunJobDocument>('match_run_jobs');
  }

  async ensureIndexes(): Promise<void> {
    await this.jobs.createIndex({ status: 1, createdAt: 1 }, { name: 'queued' });
    await this.jobs.createIndex({ status: 1, leaseUntil: 1 }, { name: 'lapsed' });
  }

  async create(
    principal: Principal,
    programId: string,
    runId: string,
    overrides: RunMatchingBody,
    revision: MatchRunJobDocument['revision'],
    now: Date,
  ): Promise<MatchRunJobDocument> {
    const job: MatchRunJobDocument = {
      _id: documentId(principal.tenantId, runId),
      tenantId: principal.tenantId,
      runId,
      programId,
      requestedBy: { userId: principal.userId, roles: [...principal.roles] },
      overrides,
      ...(revision ? { revision } : {}),
      status: 'queued',
      progress: null,
      cancelRequested: false,
      leaseOwner: null,
      leaseTerm: 0,
      leaseUntil: now,
      createdAt: now,
    };
    await this.jobs.insertOne(job);
    return job;
  }

  find(tenantId: string, programId: string, runId: string): Promise<MatchRunJobDocument | null> {
    return this.jobs.findOne({ _id: documentId(tenantId, runId), tenantId, programId });
  }

  /** Takes the oldest queued run (one compare-and-set, so one replica runs it). */
  claim(owner: string, leaseMs: number, now = new Date()): Promise<MatchRunJobDocument | null> {
    return this.jobs.findOneAndUpdate(
      { status: 'queued' },
      {
        $set: {
          status: 'running',
          leaseOwner: owner,
          leaseUntil: new Date(now.getTime() + leaseMs),
          startedAt: now,
        },
        $inc: { leaseTerm: 1 },
      },
      { sort: { createdAt: 1 }, returnDocument: 'after' },
    );
  }

  /** Saves progress and renews the hold; null when it was lost (the run was marked failed meanwhile). */
  heartbeat(
    lease: RunLease,
    progress: MatchRunProgress | null,
    leaseMs: number,
    now = new Date(),
  ): Promise<MatchRunJobDocument | null> {
    return this.jobs.findOneAndUpdate(
      held(lease),
      { $set: { progress, leaseUntil: new Date(now.getTime() + leaseMs) } },
      { returnDocument: 'after' },
    );
  }

  /** Ends the run with how far it got (a run shorter than a heartbeat saved no progress yet). */
  async finish(
    lease: RunLease,
    outcome: { status: 'completed' | 'cancelled' } | { status: 'failed'; error: string },
    progress: MatchRunProgress | null,
    now = new Date(),
  ): Promise<void> {
    await this.jobs.updateOne(held(lease), {
      $set: { ...outcome, progress, finishedAt: now, leaseOwner: null, leaseUntil: now },
    });
  }

  /**
   * A queued run is cancelled at once; a running one is marked, and its runner stops the solve at
   * its next heartbeat (at once when it runs in this process). Null: no such run in this program.
   */
  async requestCancel(
    tenantId: string,
    programId: string,
    runId: string,
    now = new Date(),
  ): Promise<MatchRunJobDocument | null> {
    return requestJobCancel(this.jobs, { _id: documentId(tenantId, runId), tenantId, programId }, now);
  }

  /** Runs whose runner stopped renewing its hold: their process died mid-run. */
  lapsed(now = new Date()): Promise<MatchRunJobDocument[]> {
    return this.jobs
      .find({ status: 'running', leaseUntil: { $lte: now } })
      .limit(100)
      .toArray();
  }

  /** Ends a lapsed run as failed, or as completed when its result was stored before the process died. */
  async settleLapsed(
    job: MatchRunJobDocument,
    outcome: { status: 'completed' } | { status: 'failed'; error: string },
    now = new Date(),
  ): Promise<boolean> {
    const settled = await this.jobs.updateOne(
      { ...held(leaseOf(job)), leaseUntil: { $lte: now } },
      { $set: { ...outcome, finishedAt: now, leaseOwner: null, leaseUntil: now } },
    );
    return settled.modifiedCount === 1;
  }
}
