import { HttpException, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { ConcurrencyError, EventStore } from '@tandem/eventstore';
import type { EventEnvelope, TandemEvent } from '@tandem/events';
import type { ProjectedDocument } from '@tandem/messaging';
import { fold } from '@tandem/kernel';
import { participantDecider } from '@tandem/matching-domain';
import type { Document } from 'mongodb';
import { documentId, ReadModels } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { VisibleProgram } from '../../programs/program-access';
import { profileOf } from '../enrol-command';
import { EnrolParticipant } from '../enrol-participant/enrol-participant.handler';
import { SetOverallCapacity } from '../mentor-load/set-overall-capacity.handler';
import { participantIdOf } from '../participant-identity';
import { decideRows, type RowCandidate } from '../import-participants/decide-rows';
import type { CsvRow, RejectedRow, RowProblem } from '../import-participants/participant-rows';
import { directoryEntryOfRow, fillsDirectory } from '../import-participants/directory-columns';
import { PeopleDirectory } from '../../people/people-directory';
import { ParticipantImportJobs, type ChunkCounts, type ImportJobDocument } from './import-jobs';
import {
  applyEnrolments,
  applyStream,
  removeProfiles,
  writeProfiles,
  type ParticipantDocuments,
} from './participant-import-writes';

export interface ChunkOutcome extends ChunkCounts {
  readonly rejectedRows: readonly RejectedRow[];
}

/**
 * Enrols one chunk of an import: every row checked as the JSON route checks a body and decided by
 * the participant decider against a new participant's state; the new participants appended in one
 * `appendMany` (each at version 0 of its own derived stream, so a re-run cannot enrol anyone twice)
 * and their read-model documents written in bulk. A participant whose stream already exists (a
 * withdrawn person coming back, someone already enrolled) goes through the one-by-one enrolment.
 */
/** People whose directory entries one import chunk writes at once (latency-bound, not CPU-bound). */
const DIRECTORY_FILLS_AT_ONCE = 8;

@Injectable()
export class ParticipantImportChunks {
  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly commands: CommandBus,
    private readonly jobs: ParticipantImportJobs,
    private readonly directory: PeopleDirectory,
  ) {}

  async enrol(job: ImportJobDocument, index: number, now = new Date()): Promise<ChunkOutcome> {
    const chunk = await this.jobs.chunk(job, index);
    if (!chunk) throw new Error(`import ${job.jobId}: chunk ${index} is missing`);
    const program = await this.program(job);
    const principal: Principal = { tenantId: job.tenantId, ...job.requestedBy };
    const { candidates, rejected } = decideRows(job.header, chunk.rows, program, principal);
    // Profiles are written before any event (documents not shown yet); an enrolled one is untouched.
    const [known] = await Promise.all([
      this.streamVersions(job, candidates).then((versions) =>
        this.jobs.recordVersionsBefore(chunk, versions),
      ),
      this.writeProfiles(job, candidates, now),
    ]);
    const enrolled: RowCandidate[] = [];
    const again: RowCandidate[] = [];
    const existing = candidates.filter((c) => (known.versions[c.participantId] ?? 0) > 0);
    const fresh = candidates.filter((c) => (known.versions[c.participantId] ?? 0) === 0);
    const appended = await this.appendNew(job, fresh);
    enrolled.push(...appended.enrolled);
    rejected.push(...appended.rejected);
    // Refused at version 0: in a re-run, this job's own earlier append; else someone was faster.
    (known.firstAttempt ? existing : again).push(...appended.conflicts);
    for (const candidate of existing) {
      const outcome = await this.enrolExisting(job, principal, program, candidate, known);
      if (outcome === 'enrolled') enrolled.push(candidate);
      else if (outcome === 'earlier-attempt') again.push(candidate);
      else rejected.push(outcome);
    }
    await this.applyEarlierEnrolments(job, again);
    // A row's overallCapacity is the person's: it sets one they do not have yet (again on a re-run: a no-op).
    for (const { userId, body } of [...appended.enrolled, ...again])
      if (body.overallCapacity !== undefined)
        await this.commands.execute(
          new SetOverallCapacity(principal, userId, body.overallCapacity, undefined, true),
        );
    await this.fillDirectory(job, principal, chunk.rows, [...enrolled, ...again]);
    rejected.sort((a, b) => a.line - b.line);
    await this.jobs.saveChunkReport(chunk, rejected);
    return {
      rows: chunk.rows.length,
      enrolled: enrolled.length + again.length,
      rejected: rejected.length,
      rejectedRows: rejected,
    };
  }

  /**
   * A file with directory columns (displayName, email, …) fills the people directory for the rows
   * it enrolled: a new person, or the given cells over what the directory has (a re-run changes
   * nothing more). A few people at once (each is their own stream); files without those columns
   * cost nothing here.
   */
  private async fillDirectory(
    job: ImportJobDocument,
    principal: Principal,
    rows: readonly CsvRow[],
    enrolled: readonly RowCandidate[],
  ): Promise<void> {
    if (!fillsDirectory(job.header) || enrolled.length === 0) return;
    const userIdColumn = job.header.indexOf('userId');
    const rowOf = new Map(rows.map((row) => [row.cells[userIdColumn]?.trim() ?? '', row]));
    const actor = { tenantId: job.tenantId, source: 'csv' as const, by: principal.userId };
    const fill = async (userId: string) => {
      const row = rowOf.get(userId);
      const entry = row && directoryEntryOfRow(job.header, row.cells);
      if (!entry || Object.keys(entry).length === 0) return;
      const person = await this.directory.find(job.tenantId, userId);
      if (person) await this.directory.update(actor, userId, { ...person.entry, ...entry });
      else await this.directory.provision(actor, userId, entry, { ifAbsent: true });
    };
    for (let at = 0; at < enrolled.length; at += DIRECTORY_FILLS_AT_ONCE)
      await Promise.all(enrolled.slice(at, at + DIRECTORY_FILLS_AT_ONCE).map(({ userId }) => fill(userId)));
  }

  private async program(job: ImportJobDocument): Promise<VisibleProgram> {
    const program = await this.readModels
      .forTenant(job.tenantId)
      .programs.findOne({ _id: documentId(job.tenantId, job.programId) });
    if (!program?.settings || !program.status || !program.programType)
      throw new Error(`import ${job.jobId}: program ${job.programId} not found`);
    return program as VisibleProgram;
  }

  /** Each candidate's stream version, in one query (absent: a new stream). */
  private async streamVersions(
    job: ImportJobDocument,
    candidates: readonly RowCandidate[],
  ): Promise<Record<string, number>> {
    if (candidates.length === 0) return {};
    const byStream = new Map(candidates.map((c) => [streams.participant(c.participantId), c.participantId]));
    const found = await this.store.collections.commits
      .aggregate<{ _id: string; version: number }>([
        { $match: { tenantId: job.tenantId, streamId: { $in: [...byStream.keys()] } } },
        { $group: { _id: '$streamId', version: { $max: '$toVersion' } } },
      ])
      .toArray();
    const versions: Record<string, number> = {};
    for (const { _id, version } of found) {
      const participantId = byStream.get(_id);
      if (participantId) versions[participantId] = version;
    }
    return versions;
  }

  private writeProfiles(job: ImportJobDocument, candidates: readonly RowCandidate[], now: Date) {
    return writeProfiles(
      this.participants(),
      job.tenantId,
      candidates.map((c) => ({
        participantId: c.participantId,
        programId: job.programId,
        userId: c.userId,
        profile: profileOf(c.body),
      })),
      now.toISOString(),
    );
  }

  /** New participants: one appendMany at version 0, then their read-model state in one bulk write. */
  private async appendNew(job: ImportJobDocument, fresh: readonly RowCandidate[]) {
    const participants = this.participants();
    const outcomes = await this.store.appendMany(
      fresh.map((c) => ({
        tenantId: job.tenantId,
        streamId: streams.participant(c.participantId),
        expectedVersion: 0,
        events: c.events,
      })),
    );
    const enrolled: RowCandidate[] = [];
    const conflicts: RowCandidate[] = [];
    const rejected: RejectedRow[] = [];
    const appended: EventEnvelope[] = [];
    for (const [i, candidate] of fresh.entries()) {
      const outcome = outcomes[i];
      if (outcome?.ok) {
        enrolled.push(candidate);
        appended.push(...outcome.events);
      } else if (outcome?.error instanceof ConcurrencyError) {
        conflicts.push(candidate);
      } else {
        rejected.push({
          line: candidate.row.line,
          userId: candidate.userId,
          problems: [problemOf(outcome?.error)],
        });
      }
    }
    await removeProfiles(
      participants,
      job.tenantId,
      rejected.map((r) => participantIdOf(job.programId, r.userId)),
    );
    await applyEnrolments(participants, appended);
    return { enrolled, conflicts, rejected };
  }

  /** A participant with a stream already: this job's own earlier enrolment, or one by one as the JSON route. */
  private async enrolExisting(
    job: ImportJobDocument,
    principal: Principal,
    program: VisibleProgram,
    candidate: RowCandidate,
    known: { versions: Record<string, number>; firstAttempt: boolean },
  ): Promise<'enrolled' | 'earlier-attempt' | RejectedRow> {
    if (!known.firstAttempt) {
      const stream = await this.store.readStream(job.tenantId, streams.participant(candidate.participantId));
      const state = fold(participantDecider, stream.events as unknown as TandemEvent[]);
      const before = known.versions[candidate.participantId] ?? 0;
      if (stream.version > before && state.status === 'enrolled') return 'earlier-attempt';
    }
    try {
      await this.commands.execute(new EnrolParticipant(principal, job.programId, candidate.body, program));
      return 'enrolled';
    } catch (error) {
      return { line: candidate.row.line, userId: candidate.userId, problems: [problemOf(error)] };
    }
  }

  /** Read models of participants enrolled by an earlier attempt, from their streams (re-runs only). */
  private async applyEarlierEnrolments(
    job: ImportJobDocument,
    candidates: readonly RowCandidate[],
  ): Promise<void> {
    for (const candidate of candidates) {
      const stream = await this.store.readStream(job.tenantId, streams.participant(candidate.participantId));
      await applyStream(this.participants(), stream.events);
    }
  }

  private participants(): ParticipantDocuments {
    return this.readModels.raw<ProjectedDocument<Document>>('participants');
  }
}

/** A refused row as the report shows it: the rule's stable code, or the HTTP error's meaning. */
function problemOf(error: unknown): RowProblem {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : 'could not be enrolled';
  if (error instanceof HttpException) {
    const codes: Record<number, string> = {
      400: 'invalid',
      403: 'forbidden',
      404: 'not-found',
      409: 'conflict',
    };
    return { field: '(row)', code: codes[error.getStatus()] ?? 'not-enrolled', message: text };
  }
  if (typeof code === 'string') return { field: '(row)', code, message: text };
  throw error;
}
