import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { DomainError } from '@tandem/kernel';
import { participantDecider } from '@tandem/matching-domain';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { ParticipantView } from '../../infrastructure/views';
import { ProgramAccess } from '../../programs/program-access';
import { ReadModelProjection } from '../../read-models/read-model-projection';

export class WithdrawParticipant {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly participantId: string,
    readonly reason: string,
    readonly expectedVersion: number | undefined,
  ) {}
}

/** A participant withdraws themselves; a program admin can withdraw anyone in their program. */
@CommandHandler(WithdrawParticipant)
export class WithdrawParticipantHandler implements ICommandHandler<WithdrawParticipant, ParticipantView> {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
  ) {}

  async execute({
    principal,
    programId,
    participantId,
    reason,
    expectedVersion,
  }: WithdrawParticipant): Promise<ParticipantView> {
    const program = await this.access.visible(principal, programId);
    const participants = this.readModels.forTenant(principal).participants;
    const _id = documentId(principal.tenantId, participantId);
    const participant = await participants.findOne({ _id, programId });
    const isSelf = participant?.userId === principal.userId;
    // Someone else's enrolment is not even acknowledged to a participant.
    if (!participant || participant.version === 0 || (!isSelf && !this.access.canManage(principal, program)))
      throw new DomainError('participant-not-found', 'Participant not found', 'not-found');
    const handled = await handleCommand(this.store, participantDecider, {
      tenantId: principal.tenantId,
      streamId: streams.participant(participantId),
      command: { type: 'withdraw', reason },
      expectedVersion,
    });
    await this.projection.applyAppended(handled.events);
    return await written(participants.findOne({ _id }));
  }
}
