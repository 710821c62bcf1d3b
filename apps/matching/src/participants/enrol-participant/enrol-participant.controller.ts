import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { ParticipantView } from '../../infrastructure/views';
import { participantResponse, participantResponseSchema } from '../participant-response';
import { enrolBody, type EnrolBody } from '../participant-schemas';
import { EnrolParticipant } from './enrol-participant.handler';

@Controller('programs/:programId/participants')
export class EnrolParticipantController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('program-admin', 'participant')
  @Responds(participantResponseSchema, { description: 'The participant, enrolled' })
  async enrol(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedBody(enrolBody) body: EnrolBody,
  ) {
    return participantResponse(
      await this.commands.execute<EnrolParticipant, ParticipantView>(
        new EnrolParticipant(principal, programId, body),
      ),
    );
  }
}
