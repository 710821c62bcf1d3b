import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, parseBody, Roles, type Principal } from '@tandem/auth';
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
    @Body() raw: unknown,
  ) {
    const { profile: changes } = parseBody(profileUpdateBody, raw);
    return participantResponse(
      await this.commands.execute<UpdateProfile, ParticipantView>(
        new UpdateProfile(principal, programId, participantId, changes),
      ),
    );
  }
}
