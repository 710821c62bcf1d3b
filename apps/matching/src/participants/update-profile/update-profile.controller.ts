import { Controller, Headers, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { z } from 'zod';
import type { ParticipantView } from '../../infrastructure/views';
import { participantResponse, participantResponseSchema } from '../participant-response';
import { profileUpdateBody } from '../participant-schemas';
import { UpdateProfile } from './update-profile.handler';

@Controller('programs/:programId/participants/:participantId')
@Roles('program-admin', 'participant')
export class UpdateProfileController {
  constructor(private readonly commands: CommandBus) {}

  /** Send the ETag you read as If-Match to refuse the change (412) if the participant changed since. */
  @Patch()
  @Responds(participantResponseSchema)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('participantId') participantId: string,
    @ValidatedBody(profileUpdateBody) { profile: changes }: z.output<typeof profileUpdateBody>,
    @Headers('if-match') ifMatch?: string,
  ) {
    return participantResponse(
      await this.commands.execute<UpdateProfile, ParticipantView>(
        new UpdateProfile(principal, programId, participantId, changes, expectedVersionOf(ifMatch)),
      ),
    );
  }
}
