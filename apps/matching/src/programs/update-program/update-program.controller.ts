import { Controller, Headers, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { ProgramView } from '../../infrastructure/views';
import { programResponse, programResponseSchema } from '../program-response';
import { updateProgramBody, type UpdateProgramBody } from '../program-schemas';
import { UpdateProgram } from './update-program.handler';

@Controller('programs')
export class UpdateProgramController {
  constructor(private readonly commands: CommandBus) {}

  /** Send the ETag you read as If-Match to refuse the change (412) if someone changed it since. */
  @Patch(':programId')
  @Roles('program-admin')
  @Responds(programResponseSchema)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedBody(updateProgramBody) body: UpdateProgramBody,
    @Headers('if-match') ifMatch?: string,
  ) {
    return programResponse(
      await this.commands.execute<UpdateProgram, ProgramView>(
        new UpdateProgram(principal, programId, body, expectedVersionOf(ifMatch)),
      ),
    );
  }
}
