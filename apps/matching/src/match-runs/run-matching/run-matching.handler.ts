import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { checkRunConstraints, type DraftConstraints } from '@tandem/matching-domain';
import { Clock } from '../../infrastructure/clock';
import { MatchRunExecution } from '../match-run-jobs/match-run-execution';
import { MatchRunJobs, type MatchRunJobDocument } from '../match-run-jobs/match-run-jobs';
import { MatchRunRunner } from '../match-run-jobs/match-run-runner';
import type { RunMatchingBody } from '../match-run-schemas';

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
 * A bulk match run, requested: what can be refused at once is (the program's state, unknown
 * criteria, a reviewed draft's constraints that cannot hold), then the run is queued and solved in the background (match-run-jobs/): the optimal
 * assignment of the program's unmatched mentees to mentors with capacity left, stored as a draft
 * with its report and optimality certificate check.
 */
@CommandHandler(RunMatching)
export class RunMatchingHandler implements ICommandHandler<RunMatching, MatchRunJobDocument> {
  constructor(
    private readonly execution: MatchRunExecution,
    private readonly jobs: MatchRunJobs,
    private readonly runner: MatchRunRunner,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, programId, overrides, revision }: RunMatching): Promise<MatchRunJobDocument> {
    if (revision) {
      // Constraints need the roster; a plain run needs only the program's state and its rules.
      const prepared = await this.execution.prepare({ principal, programId, overrides, revision });
      checkRunConstraints(prepared.input);
    } else await this.execution.check({ principal, programId, overrides });
    const job = await this.jobs.create(
      principal,
      programId,
      randomUUID(),
      overrides,
      revision && { basedOnRunId: revision.basedOnRunId, constraints: revision.constraints },
      this.clock.now(),
    );
    this.runner.wake();
    return job;
  }
}
