import { Injectable } from '@nestjs/common';
import type { Principal, Role } from '@tandem/auth';
import { MongoConnection } from '@tandem/runtime';
import type { Collection } from 'mongodb';
import { requestJobCancel } from '../../infrastructure/job-cancel-request';
import { documentId } from '../../infrastructure/read-model-collections';
import type { CsvRow, RejectedRow } from '../import-participants/participant-rows';

export type ImportJobStatus = 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';

/**
 * One CSV import. Its rows live in chunk documents; `nextChunk` is the checkpoint (every chunk
 * before it is enrolled and counted). A runner holds the job by its lease: owner + term, renewed at
 * every checkpoint, taken over once `leaseUntil` passes — each a compare-and-set on this document.
 */
export interface ImportJobDocument {
  _id: string;
  tenantId: string;
  jobId: string;
  programId: string;
  /** The admin who sent the file: the imported rows are enrolled on their behalf. */
  requestedBy: { userId: string; roles: Role[] };
  header: string[];
  status: ImportJobStatus;
  rows: number;
  chunks: number;
  nextChunk: number;
  rowsDone: number;
  enrolled: number;
  rejected: number;
  cancelRequested: boolean;
  leaseOwner: string | null;
  leaseTerm: number;
  leaseUntil: Date;
  /** Failed attempts at the chunk in hand; reset by every checkpoint. */
  failures: number;
  lastError?: string;
  createdAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
}

export interface ImportChunkDocument {
  _id: string;
  tenantId: string;
  jobId: string;
  index: number;
  rows: CsvRow[];
  /**
   * Stream version of each participant the chunk enrols (absent = 0), read before the chunk's
   * first append and never overwritten: a re-run tells its own earlier enrolments from others'.
   */
  versionsBefore?: Record<string, number>;
  rejected?: RejectedRow[];
}

/** The runner's hold on a job: every write it makes is conditional on still holding it. */
export interface JobLease {
  readonly _id: string;
  readonly owner: string;
  readonly term: number;
}

export interface ChunkCounts {
  readonly rows: number;
  readonly enrolled: number;
  readonly rejected: number;
}

const chunkId = (job: Pick<ImportJobDocument, 'tenantId' | 'jobId'>, index: number) =>
  `${documentId(job.tenantId, job.jobId)}/${index}`;

/** The import jobs and their chunks, in the service's own database. */
@Injectable()
export class ParticipantImportJobs {
  constructor(private readonly mongo: MongoConnection) {}

  private get jobs(): Collection<ImportJobDocument> {
    return this.mongo.db.collection<ImportJobDocument>('participant_imports');
  }

  private get chunks(): Collection<ImportChunkDocument> {
    return this.mongo.db.collection<ImportChunkDocument>('participant_import_chunks');
  }

  /**
   * The imported rows that name this user (their userId cell), with the file's header: personal
   * data a data-subject export must show. Rare and tenant-bound: read without an index of its own.
   */
  async rowsNaming(
    tenantId: string,
    userId: string,
  ): Promise<{ jobId: string; programId: string; line: number; fields: Record<string, string> }[]> {
    const chunks = await this.chunks.find({ tenantId, 'rows.cells': userId }).toArray();
    if (chunks.length === 0) return [];
    const jobs = await this.jobs
      .find({ tenantId, jobId: { $in: [...new Set(chunks.map((c) => c.jobId))] } })
      .toArray();
    const jobOf = new Map(jobs.map((job) => [job.jobId, job]));
    return chunks.flatMap((chunk) => {
      const job = jobOf.get(chunk.jobId);
      if (!job) return [];
      const userColumn = job.header.indexOf('userId');
      return chunk.rows
        .filter((row) => row.cells[userColumn] === userId)
        .map((row) => ({
          jobId: job.jobId,
          programId: job.programId,
          line: row.line,
          fields: Object.fromEntries(job.header.map((name, i) => [name, row.cells[i] ?? ''])),
        }));
    });
  }

  /**
   * Erasure: every cell of the rows naming the person (but the id) and the messages about them
   * become `erased`; the counts stay. Idempotent.
   */
  async eraseRowsNaming(tenantId: string, userId: string, erased: string): Promise<void> {
    const chunks = await this.chunks.find({ tenantId, 'rows.cells': userId }).toArray();
    if (chunks.length === 0) return;
    const jobs = await this.jobs
      .find({ tenantId, jobId: { $in: [...new Set(chunks.map((c) => c.jobId))] } })
      .toArray();
    const userColumnOf = new Map(jobs.map((job) => [job.jobId, job.header.indexOf('userId')]));
    for (const chunk of chunks) {
      const userColumn = userColumnOf.get(chunk.jobId) ?? -1;
      const lines = new Set<number>();
      // Only their own rows: someone else's row may name them too, as its manager.
      const rows = chunk.rows.map((row) => {
        if (row.cells[userColumn] !== userId) return row;
        lines.add(row.line);
        return { ...row, cells: row.cells.map((cell, i) => (i === userColumn ? cell : erased)) };
      });
      const rejected = chunk.rejected?.map((row) =>
        lines.has(row.line)
          ? { ...row, problems: row.problems.map((problem) => ({ ...problem, message: erased })) }
          : row,
      );
      await this.chunks.updateOne({ _id: chunk._id }, { $set: { rows, ...(rejected ? { rejected } : {}) } });
    }
  }

  async ensureIndexes(): Promise<void> {
    await this.jobs.createIndex({ status: 1, leaseUntil: 1 }, { name: 'claimable' });
    await this.chunks.createIndex({ tenantId: 1, jobId: 1, index: 1 }, { name: 'job_chunks' });
  }

  /** Stores the rows, then the job: a job is visible (and claimable) only once all its rows are. */
  async create(
    principal: Principal,
    programId: string,
    jobId: string,
    header: readonly string[],
    chunks: readonly (readonly CsvRow[])[],
    now: Date,
  ): Promise<ImportJobDocument> {
    const { tenantId } = principal;
    const job: ImportJobDocument = {
      _id: documentId(tenantId, jobId),
      tenantId,
      jobId,
      programId,
      requestedBy: { userId: principal.userId, roles: [...principal.roles] },
      header: [...header],
      status: 'queued',
      rows: chunks.reduce((n, rows) => n + rows.length, 0),
      chunks: chunks.length,
      nextChunk: 0,
      rowsDone: 0,
      enrolled: 0,
      rejected: 0,
      cancelRequested: false,
      leaseOwner: null,
      leaseTerm: 0,
      leaseUntil: now,
      failures: 0,
      createdAt: now,
    };
    const documents = chunks.map((rows, index) => ({
      _id: chunkId(job, index),
      tenantId,
      jobId,
      index,
      rows: [...rows],
    }));
    try {
      if (documents.length > 0) await this.chunks.insertMany(documents);
      await this.jobs.insertOne(job);
    } catch (error) {
      await this.chunks.deleteMany({ tenantId, jobId });
      throw error;
    }
    return job;
  }

  find(tenantId: string, programId: string, jobId: string): Promise<ImportJobDocument | null> {
    return this.jobs.findOne({ _id: documentId(tenantId, jobId), tenantId, programId });
  }

  /** Takes the oldest job that is queued or whose runner's lease lapsed (one compare-and-set). */
  claim(owner: string, leaseMs: number, now = new Date()): Promise<ImportJobDocument | null> {
    return this.jobs.findOneAndUpdate(
      { status: { $in: ['queued', 'running'] }, leaseUntil: { $lte: now } },
      {
        $set: { status: 'running', leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) },
        $inc: { leaseTerm: 1 },
        $min: { startedAt: now },
      },
      { sort: { createdAt: 1 }, returnDocument: 'after' },
    );
  }

  chunk(job: ImportJobDocument, index: number): Promise<ImportChunkDocument | null> {
    return this.chunks.findOne({ _id: chunkId(job, index), tenantId: job.tenantId });
  }

  /** Records the versions once; answers the recorded ones and whether this call recorded them. */
  async recordVersionsBefore(
    chunk: ImportChunkDocument,
    versions: Record<string, number>,
  ): Promise<{ versions: Record<string, number>; firstAttempt: boolean }> {
    const recorded = await this.chunks.updateOne(
      { _id: chunk._id, tenantId: chunk.tenantId, versionsBefore: { $exists: false } },
      { $set: { versionsBefore: versions } },
    );
    if (recorded.modifiedCount === 1) return { versions, firstAttempt: true };
    const stored = await this.chunks.findOne({ _id: chunk._id, tenantId: chunk.tenantId });
    return { versions: stored?.versionsBefore ?? {}, firstAttempt: false };
  }

  /** The chunk's rejected rows; a re-run of the chunk overwrites them with the same verdicts. */
  async saveChunkReport(chunk: ImportChunkDocument, rejected: readonly RejectedRow[]): Promise<void> {
    await this.chunks.updateOne(
      { _id: chunk._id, tenantId: chunk.tenantId },
      { $set: { rejected: [...rejected] } },
    );
  }

  /**
   * Counts chunk `index` and moves the checkpoint past it, renewing the lease — only if the lease
   * is still held and the checkpoint still at `index`, so a chunk is counted once. Null: lease lost.
   */
  checkpoint(
    lease: JobLease,
    index: number,
    counts: ChunkCounts,
    leaseMs: number,
    now = new Date(),
  ): Promise<ImportJobDocument | null> {
    return this.jobs.findOneAndUpdate(
      { ...held(lease), nextChunk: index },
      {
        $set: { nextChunk: index + 1, leaseUntil: new Date(now.getTime() + leaseMs), failures: 0 },
        $inc: { rowsDone: counts.rows, enrolled: counts.enrolled, rejected: counts.rejected },
      },
      { returnDocument: 'after' },
    );
  }

  async finish(lease: JobLease, status: 'completed' | 'cancelled', now = new Date()): Promise<void> {
    await this.jobs.updateOne(held(lease), {
      $set: { status, finishedAt: now, leaseOwner: null, leaseUntil: now },
    });
  }

  /** Lets another runner take the job at once (this process is shutting down). */
  async release(lease: JobLease, now = new Date()): Promise<void> {
    await this.jobs.updateOne(held(lease), { $set: { leaseOwner: null, leaseUntil: now } });
  }

  /** A failed attempt: retried after `retryMs`, and the job fails for good after `maxFailures`. */
  async recordFailure(
    lease: JobLease,
    message: string,
    maxFailures: number,
    retryMs: number,
    now = new Date(),
  ): Promise<void> {
    const job = await this.jobs.findOneAndUpdate(
      held(lease),
      {
        $set: { lastError: message, leaseOwner: null, leaseUntil: new Date(now.getTime() + retryMs) },
        $inc: { failures: 1 },
      },
      { returnDocument: 'after' },
    );
    if (job && job.failures >= maxFailures) {
      await this.jobs.updateOne(
        { _id: job._id, status: 'running', leaseTerm: lease.term },
        { $set: { status: 'failed', finishedAt: now } },
      );
    }
  }

  /**
   * A queued job is cancelled at once; a running one is marked, and its runner stops at the next
   * checkpoint (rows already enrolled stay). Null: no such job in this tenant and program.
   */
  async requestCancel(
    tenantId: string,
    programId: string,
    jobId: string,
    now = new Date(),
  ): Promise<ImportJobDocument | null> {
    return requestJobCancel(this.jobs, { _id: documentId(tenantId, jobId), tenantId, programId }, now);
  }

  /** Every rejected row of the chunks done so far, in file order. */
  async report(job: ImportJobDocument): Promise<RejectedRow[]> {
    const chunks = await this.chunks
      .find(
        { tenantId: job.tenantId, jobId: job.jobId, index: { $lt: job.nextChunk } },
        { projection: { rejected: 1, index: 1 } },
      )
      .sort({ index: 1 })
      .toArray();
    return chunks.flatMap((chunk) => chunk.rejected ?? []);
  }
}

const held = (lease: JobLease) => ({
  _id: lease._id,
  status: 'running' as const,
  leaseOwner: lease.owner,
  leaseTerm: lease.term,
});
