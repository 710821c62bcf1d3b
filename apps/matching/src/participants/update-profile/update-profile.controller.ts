import { Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { z } from 'zod';
import type { ParticipantView } from '../../infrastructure/views';
import { participantResponse } from '../participant-response';
import { profileUpdateBody } from '../participant-schemas';
import { UpdateProfile } from './update-profile.handler';

@Controller('programs/:programId/participants/:participantId')
@Roles('program-admin', 'participant')
export class UpdateProfileController {
  constructor(private readonly commands: CommandBus) {}

  @Patch()
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('participantId') participantId: string,
    @ValidatedBody(profileUpdateBody) { profile: changes }: z.output<typeof profileUpdateBody>,
  ) {
    return participantResponse(
      await this.commands.execute<UpdateProfile, ParticipantView>(
        new UpdateProfile(principal, programId, participantId, changes),
      ),
    );
  }
}
