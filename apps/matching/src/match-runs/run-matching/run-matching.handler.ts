import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { DomainError } from '@tandem/kernel';
import { compileRules, matchRunDecider, runMatching, type DraftConstraints } from '@tandem/matching-domain';
import { Clock } from '../../infrastructure/clock';
import { documentId, ReadModels, unprojected, written } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { MatchRunView } from '../../infrastructure/views';
import { ProgramAccess } from '../../programs/program-access';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import type { RunMatchingBody } from '../match-run-schemas';
import { disclosureBaselines } from './disclosure-baselines';
import { matchingProfileOf, matchingRulesOf, ProgramRosters, scoringContextOf } from '../program-roster';

export class RunMatching {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly overrides: RunMatchingBody,
    /** A reviewed draft re-solved: the run it comes from and the constraints it keeps. */
    readonly revision?: { readonly basedOnRunId: string; readonly constraints: DraftConstraints },
  ) {}
}

/**
 * A bulk match run: the optimal assignment of the program's unmatched mentees to mentors with
 * capacity left, stored as a draft with its report and optimality certificate check.
 */
@CommandHandler(RunMatching)
export class RunMatchingHandler implements ICommandHandler<RunMatching, MatchRunView> {
  private readonly logger = new Logger('RunMatching');

  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
    private readonly rosters: ProgramRosters,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, programId, overrides, revision }: RunMatching): Promise<MatchRunView> {
    const program = await this.access.managed(principal, programId);
    if (program.status === 'draft' || program.status === 'closed') {
      throw new DomainError('program-not-matching', `A program that is ${program.status} cannot be matched`);
    }
    const rules = matchingRulesOf(program, overrides);
    compileRules(rules); // refuses unknown criteria or questions with a 400 before any work
    const now = this.clock.now();
    const roster = await this.rosters.load(principal.tenantId, program, now);
    const runs = this.readModels.forTenant(principal).matchRuns;
    const baselines = await disclosureBaselines(
      runs,
      programId,
      roster.mentees.map((m) => matchingProfileOf(m).participantId),
    );
    const started = Date.now();
    const result = runMatching({
      mentees: roster.mentees
        .filter((m) => !roster.matchedMenteeUserIds.has(m.userId))
        .map(matchingProfileOf),
      mentors: roster.mentors.map((m) => ({
        ...matchingProfileOf(m),
        remainingCapacity: roster.remainingCapacity(m),
      })),
      mentorsPerMentee: program.settings.mentorsPerMentee,
      ...(program.settings.maxGroupSize === undefined ? {} : { maxGroupSize: program.settings.maxGroupSize }),
      rules,
      context: scoringContextOf(roster, now),
      ...(revision ? { constraints: revision.constraints } : {}),
      disclosureBaselines: baselines,
    });
    this.logger.log(
      `match run for ${programId}: ${result.report.matched} matched, ${result.report.unmatched} unmatched in ${Date.now() - started} ms`,
    );

    const runId = randomUUID();
    const _id = documentId(principal.tenantId, runId);
    // Pairs and report are too large for an event: written first, shown once the run's event is applied.
    await runs.insertOne({
      _id,
      runId,
      programId,
      ...unprojected,
      createdAt: now.toISOString(),
      createdBy: principal.userId,
      settingsUsed: {
        criteriaWeights: rules.criteriaWeights,
        minimumScore: rules.minimumScore,
        hardRules: rules.hardRules,
      },
      pairs: [...result.pairs],
      report: result.report,
      optimal: result.optimal,
      certificateViolations: [...result.certificateViolations],
      ...(revision ? { basedOnRunId: revision.basedOnRunId, constraints: revision.constraints } : {}),
    });
    let handled;
    try {
      handled = await handleCommand(this.store, matchRunDecider, {
        tenantId: principal.tenantId,
        streamId: streams.matchRun(runId),
        command: {
          type: 'complete-run',
          summary: {
            programId,
            runId,
            proposedPairs: result.pairs.length,
            unmatchedMentees: result.report.unmatched,
            totalScore: result.report.totalScore,
            optimal: result.optimal,
          },
        },
      });
    } catch (error) {
      // Refused: the run's document was never shown, and goes.
      await runs.deleteOne({ _id });
      throw error;
    }
    await this.projection.applyAppended(handled.events);
    return await written(runs.findOne({ _id }));
  }
}
