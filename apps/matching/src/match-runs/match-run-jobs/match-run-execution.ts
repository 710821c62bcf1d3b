import { Injectable } from '@nestjs/common';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { DomainError } from '@tandem/kernel';
import {
  compileRules,
  matchRunDecider,
  type MatchingRules,
  type MatchRunInput,
  type MatchRunResult,
} from '@tandem/matching-domain';
import { Clock } from '../../infrastructure/clock';
import { documentId, ReadModels, unprojected } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import { ProgramAccess } from '../../programs/program-access';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { matchingProfileOf, matchingRulesOf, ProgramRosters, scoringContextOf } from '../program-roster';
import { disclosureBaselines } from '../run-matching/disclosure-baselines';
import type { MatchRunJobDocument } from './match-run-jobs';

/** A run ready to solve: what the worker thread gets, and the rules it was solved under. */
export interface PreparedRun {
  readonly input: MatchRunInput;
  readonly rules: MatchingRules;
}

/** What a run is asked to do: by whom, in which program, with which overrides (and a draft's constraints). */
export type RunRequest = Pick<MatchRunJobDocument, 'programId' | 'overrides' | 'revision'> & {
  readonly principal: Principal;
};

export const requestOf = (job: MatchRunJobDocument): RunRequest => ({
  principal: { tenantId: job.tenantId, userId: job.requestedBy.userId, roles: job.requestedBy.roles },
  programId: job.programId,
  overrides: job.overrides,
  ...(job.revision ? { revision: job.revision } : {}),
});

/**
 * What a match run does around its solve: before it, the program's roster as it is when the run
 * starts (unmatched mentees, mentors with capacity left); after it, the draft stored and its
 * `completed` event appended — the event is the commit point, so a run cut short before it leaves
 * nothing that shows.
 */
@Injectable()
export class MatchRunExecution {
  constructor(
    private readonly events: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
    private readonly rosters: ProgramRosters,
    private readonly clock: Clock,
  ) {}

  /** Refuses a run of a program that cannot be matched, or with an unknown criterion (409/400). */
  async check({ principal, programId, overrides }: Omit<RunRequest, 'revision'>) {
    const program = await this.access.managed(principal, programId);
    if (program.status === 'draft' || program.status === 'closed') {
      throw new DomainError('program-not-matching', `A program that is ${program.status} cannot be matched`);
    }
    const rules = matchingRulesOf(program, overrides);
    compileRules(rules);
    return { program, rules };
  }

  /** The run's input from the program's roster as it is now, refused as `check` refuses. */
  async prepare({ principal, programId, overrides, revision }: RunRequest): Promise<PreparedRun> {
    const { program, rules } = await this.check({ principal, programId, overrides });
    const now = this.clock.now();
    const roster = await this.rosters.load(principal.tenantId, program, now);
    const baselines = await disclosureBaselines(
      this.readModels.forTenant(principal).matchRuns,
      programId,
      roster.mentees.map((m) => matchingProfileOf(m).participantId),
    );
    return {
      rules,
      input: {
        mentees: roster.mentees
          .filter((m) => !roster.matchedMenteeUserIds.has(m.userId))
          .map(matchingProfileOf),
        mentors: roster.mentors.map((m) => ({
          ...matchingProfileOf(m),
          remainingCapacity: roster.remainingCapacity(m),
        })),
        mentorsPerMentee: program.settings.mentorsPerMentee,
        ...(program.settings.maxGroupSize === undefined
          ? {}
          : { maxGroupSize: program.settings.maxGroupSize }),
        rules,
        context: scoringContextOf(roster, now),
        ...(revision ? { constraints: revision.constraints } : {}),
        disclosureBaselines: baselines,
      },
    };
  }

  /** Stores the solved draft: its document first (invisible until its event), then the event. */
  async store(job: MatchRunJobDocument, { rules }: PreparedRun, result: MatchRunResult): Promise<void> {
    const runs = this.readModels.forTenant(job.tenantId).matchRuns;
    const _id = documentId(job.tenantId, job.runId);
    // Pairs and report are too large for an event: written first, shown once the run's event is applied.
    await runs.insertOne({
      _id,
      runId: job.runId,
      programId: job.programId,
      ...unprojected,
      createdAt: job.createdAt.toISOString(),
      createdBy: job.requestedBy.userId,
      settingsUsed: {
        criteriaWeights: rules.criteriaWeights,
        minimumScore: rules.minimumScore,
        hardRules: rules.hardRules,
      },
      pairs: [...result.pairs],
      report: result.report,
      optimal: result.optimal,
      certificateViolations: [...result.certificateViolations],
      ...(job.revision
        ? { basedOnRunId: job.revision.basedOnRunId, constraints: job.revision.constraints }
        : {}),
    });
    let handled;
    try {
      handled = await handleCommand(this.events, matchRunDecider, {
        tenantId: job.tenantId,
        streamId: streams.matchRun(job.runId),
        command: {
          type: 'complete-run',
          summary: {
            programId: job.programId,
            runId: job.runId,
            proposedPairs: result.pairs.length,
            unmatchedMentees: result.report.unmatched,
            totalScore: result.report.totalScore,
            optimal: result.optimal,
          },
        },
      });
    } catch (error) {
      // Refused: the run's document was never shown, and goes.
      await this.discard(job);
      throw error;
    }
    await this.projection.applyAppended(handled.events);
  }

  /** Whether the run's event was appended (its read model shows it): it completed. */
  async stored(job: MatchRunJobDocument): Promise<boolean> {
    const run = await this.readModels
      .forTenant(job.tenantId)
      .matchRuns.findOne({ _id: documentId(job.tenantId, job.runId) });
    if (run && run.version > 0) return true;
    const appended = await this.events.readStream(job.tenantId, streams.matchRun(job.runId));
    return appended.version > 0;
  }

  /** Removes a draft document whose event was never appended (nobody ever saw it). */
  async discard(job: MatchRunJobDocument): Promise<void> {
    await this.readModels
      .forTenant(job.tenantId)
      .matchRuns.deleteOne({ _id: documentId(job.tenantId, job.runId), version: 0 });
  }
}
