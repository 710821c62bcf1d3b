import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { DomainError } from '@tandem/kernel';
import { reviseDraft, type DraftChange } from '@tandem/matching-domain';
import { documentId, ReadModels } from '../../infrastructure/read-model-collections';
import { ProgramAccess } from '../../programs/program-access';
import type { MatchRunJobDocument } from '../match-run-jobs/match-run-jobs';
import { RunMatching } from '../run-matching/run-matching.handler';

export class ReviewDraft {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly runId: string,
    readonly change: DraftChange,
  ) {}
}

/**
 * Draft review: pins, forbidden pairs and removed mentees are added to the draft's own constraints and
 * the program is re-solved with the draft's settings, as a new draft (the reviewed one stays as it was,
 * so the two can be compared and either published), solved in the background like any run.
 */
@CommandHandler(ReviewDraft)
export class ReviewDraftHandler implements ICommandHandler<ReviewDraft, MatchRunJobDocument> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
    private readonly commands: CommandBus,
  ) {}

  async execute({ principal, programId, runId, change }: ReviewDraft): Promise<MatchRunJobDocument> {
    await this.access.managed(principal, programId);
    const base = await this.readModels
      .forTenant(principal)
      .matchRuns.findOne({ _id: documentId(principal.tenantId, runId), programId });
    if (!base?.status) throw new DomainError('run-not-found', 'Match run not found', 'not-found');
    const constraints = reviseDraft({ status: base.status, constraints: base.constraints }, change);
    const { criteriaWeights, minimumScore, hardRules } = base.settingsUsed;
    return await this.commands.execute<RunMatching, MatchRunJobDocument>(
      new RunMatching(
        principal,
        programId,
        { criteriaWeights, minimumScore, hardRules },
        { basedOnRunId: runId, constraints },
      ),
    );
  }
}
