import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { queryOperator, type Principal } from '@tandem/auth';
import type { EventEnvelope } from '@tandem/events';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { DomainError } from '@tandem/kernel';
import { matchRunDecider } from '@tandem/matching-domain';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { MatchRunView } from '../../infrastructure/views';
import { ProgramAccess } from '../../programs/program-access';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { MatchRunPublication } from './match-run-publication';
import type { Proposal } from '../../relationships/relationship-proposals';
import { proposalsOf } from './run-proposals';

export class PublishMatchRun {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly runId: string,
    /** From If-Match: the run's version the caller saw (412 when it moved on). */
    readonly expectedVersion?: number,
  ) {}
}

/**
 * Publishing a draft is one event, `match-run.published`, naming the relationships it proposes.
 * The proposals follow from that event (MatchRunPublication): made here at once so the answer
 * shows them, and from the topic if this process dies first. Publishing twice is a 409.
 */
@CommandHandler(PublishMatchRun)
export class PublishMatchRunHandler implements ICommandHandler<PublishMatchRun, MatchRunView> {
  private readonly logger = new Logger('PublishMatchRun');

  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
    private readonly publication: MatchRunPublication,
  ) {}

  async execute({ principal, programId, runId, expectedVersion }: PublishMatchRun): Promise<MatchRunView> {
    const program = await this.access.managed(principal, programId);
    const models = this.readModels.forTenant(principal);
    const _id = documentId(principal.tenantId, runId);
    const run = await models.matchRuns.findOne({ _id, programId });
    if (!run || run.version === 0) throw new DomainError('run-not-found', 'Match run not found', 'not-found');
    const participants = await models.participants.find({ programId }).toArray();
    const proposals = proposalsOf(run, program, participants);
    // A published run's own proposals are not a reason: the decider answers that case (run-published).
    if (run.status === 'draft') await this.refuseIfOutdated(principal, programId, proposals);
    const handled = await handleCommand(this.store, matchRunDecider, {
      tenantId: principal.tenantId,
      streamId: streams.matchRun(runId),
      command: {
        type: 'publish-run',
        by: principal.userId,
        relationshipIds: proposals.map((p) => p.relationshipId),
        programStatus: program.status,
      },
      expectedVersion,
    });
    await this.projection.applyAppended(handled.events);
    await this.proposeNow(handled.events);
    return await written(models.matchRuns.findOne({ _id }));
  }

  /**
   * A draft computed before another run of the program was published may pair mentees that run
   * already proposed (draft review makes several drafts): publishing it would propose them twice.
   * It is refused, naming them; running or reviewing again starts from who is still unmatched.
   */
  private async refuseIfOutdated(principal: Principal, programId: string, proposals: readonly Proposal[]) {
    const menteeIds = proposals.flatMap((p) => p.menteeIds);
    if (menteeIds.length === 0) return;
    const taken = await this.readModels
      .forTenant(principal)
      .relationships.find({
        programId,
        status: queryOperator({ $in: ['proposed', 'active', 'paused'] }),
        menteeIds: queryOperator({ $in: menteeIds }),
      })
      .toArray();
    if (taken.length === 0) return;
    const already = [
      ...new Set(taken.flatMap((r) => r.menteeIds).filter((id) => menteeIds.includes(id))),
    ].sort();
    throw new DomainError(
      'run-outdated',
      `Mentees ${already.join(', ')} were proposed or matched after this run was computed; run matching again`,
      'conflict',
    );
  }

  /** The decision is appended: a failure here leaves the proposals to the topic, not to the client. */
  private async proposeNow(events: readonly EventEnvelope[]): Promise<void> {
    for (const event of events) {
      await this.publication
        .handle(event)
        .catch((error: Error) => this.logger.warn(`proposals follow from the topic: ${error.message}`));
    }
  }
}
