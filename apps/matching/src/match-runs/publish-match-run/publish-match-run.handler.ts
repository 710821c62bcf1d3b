import { NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { RuleViolationError } from '@tandem/matching-domain';
import { AggregateStore } from '../../infrastructure/aggregate-store';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import type { MatchRunView, ParticipantView } from '../../infrastructure/views';
import { ProgramAccess, type VisibleProgram } from '../../programs/program-access';
import {
  relationshipIdOf,
  RelationshipProposals,
  type Proposal,
} from '../../relationships/relationship-proposals';

export class PublishMatchRun {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly runId: string,
  ) {}
}

/**
 * Publishing a draft turns its pairs into proposed relationships (a group program: one
 * relationship per mentor and their mentees). The run's published event is the decision; the
 * proposals follow with derived ids, so a retry after a crash completes them without duplicates.
 */
@CommandHandler(PublishMatchRun)
export class PublishMatchRunHandler implements ICommandHandler<PublishMatchRun, MatchRunView> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
    private readonly proposals: RelationshipProposals,
  ) {}

  async execute({ principal, programId, runId }: PublishMatchRun): Promise<MatchRunView> {
    const program = await this.access.managed(principal, programId);
    const models = this.readModels.forTenant(principal);
    const _id = documentId(principal.tenantId, runId);
    const run = await models.matchRuns.findOne({ _id, programId });
    if (!run || run.version === 0) throw new NotFoundException('Match run not found');
    const participants = await models.participants.find({ programId }).toArray();
    const proposals = proposalsOf(run, program, new Map(participants.map((p) => [p.participantId, p])));
    try {
      await this.aggregates.execute('matchRun', {
        tenantId: principal.tenantId,
        id: runId,
        command: {
          type: 'publish-run',
          by: principal.userId,
          relationshipIds: proposals.map((p) => p.relationshipId),
          programStatus: program.status,
        },
      });
    } catch (error) {
      // Published before: finish any proposals a crash left unmade, then report the conflict.
      if (error instanceof RuleViolationError && error.code === 'run-published')
        await this.proposeAll(principal.tenantId, proposals);
      throw error;
    }
    await this.proposeAll(principal.tenantId, proposals);
    await models.matchRuns.updateOne(
      { _id },
      { $set: { relationshipIds: proposals.map((p) => p.relationshipId) } },
    );
    return await written(models.matchRuns.findOne({ _id }));
  }

  private async proposeAll(tenantId: string, proposals: readonly Proposal[]): Promise<void> {
    const now = new Date();
    for (const proposal of proposals) await this.proposals.proposeOnce(tenantId, proposal, now);
  }
}

function proposalsOf(
  run: MatchRunView,
  program: VisibleProgram,
  participants: Map<string, ParticipantView>,
): Proposal[] {
  const userOf = (participantId: string) => participants.get(participantId)?.userId ?? participantId;
  const base = {
    programId: program.programId,
    source: 'match-run' as const,
    runId: run.runId,
    proposalTtlDays: program.settings.proposalTtlDays,
  };
  if (program.programType !== 'group') {
    return run.pairs.map((pair) => ({
      ...base,
      relationshipId: relationshipIdOf(run.runId, pair.mentorId, [pair.menteeId]),
      mentorIds: [userOf(pair.mentorId)],
      menteeIds: [userOf(pair.menteeId)],
      score: pair.score,
    }));
  }
  const groups = new Map<string, typeof run.pairs>();
  for (const pair of run.pairs) groups.set(pair.mentorId, [...(groups.get(pair.mentorId) ?? []), pair]);
  return [...groups].map(([mentorId, pairs]) => ({
    ...base,
    relationshipId: relationshipIdOf(
      run.runId,
      mentorId,
      pairs.map((p) => p.menteeId),
    ),
    mentorIds: [userOf(mentorId)],
    menteeIds: pairs.map((p) => userOf(p.menteeId)),
    score: pairs.reduce((sum, p) => sum + p.score, 0) / pairs.length,
  }));
}
