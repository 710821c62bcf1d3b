import { Controller, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { AggregateStore } from '../../infrastructure/aggregate-store';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import { ProgramAccess } from '../../programs/program-access';
import { participantResponse } from '../participant-response';
import { withdrawBody } from '../participant-schemas';

/** A participant withdraws themselves; a program admin can withdraw anyone in their program. */
@Controller('programs/:programId/participants/:participantId/withdraw')
@Roles('program-admin', 'participant')
export class WithdrawParticipantController {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
  ) {}

  @Post()
  @HttpCode(200)
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('participantId') participantId: string,
    @ValidatedBody(withdrawBody) body: { reason: string },
  ) {
    const program = await this.access.visible(principal, programId);
    const participants = this.readModels.forTenant(principal).participants;
    const _id = documentId(principal.tenantId, participantId);
    const participant = await participants.findOne({ _id, programId });
    const isSelf = participant?.userId === principal.userId;
    // Someone else's enrolment is not even acknowledged to a participant.
    if (
      !participant ||
      participant.version === 0 ||
      (!isSelf && !this.access.canManage(principal, program))
    ) {
      throw new NotFoundException('Participant not found');
    }
    await this.aggregates.execute('participant', {
      tenantId: principal.tenantId,
      id: participantId,
      command: { type: 'withdraw', reason: body.reason },
    });
    return participantResponse(await written(participants.findOne({ _id })));
  }
}
