import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { ParticipantView } from '../../infrastructure/views';
import { participantResponse, participantResponseSchema } from '../participant-response';
import { withdrawBody } from '../participant-schemas';
import { WithdrawParticipant } from './withdraw-participant.handler';

@Controller('programs/:programId/participants/:participantId/withdraw')
@Roles('program-admin', 'participant')
export class WithdrawParticipantController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Responds(participantResponseSchema, { description: 'The participant, withdrawn' })
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('participantId') participantId: string,
    @ValidatedBody(withdrawBody) body: { reason: string },
    @Headers('if-match') ifMatch?: string,
  ) {
    return participantResponse(
      await this.commands.execute<WithdrawParticipant, ParticipantView>(
        new WithdrawParticipant(principal, programId, participantId, body.reason, expectedVersionOf(ifMatch)),
      ),
    );
  }
}
