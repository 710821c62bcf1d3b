import { Controller, Headers, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { ProgramView } from '../../infrastructure/views';
import { programResponse } from '../program-response';
import { updateProgramBody, type UpdateProgramBody } from '../program-schemas';
import { UpdateProgram } from './update-program.handler';

@Controller('programs')
export class UpdateProgramController {
  constructor(private readonly commands: CommandBus) {}

  /** Send the ETag you read as If-Match to refuse the change (409) if someone changed it since. */
  @Patch(':programId')
  @Roles('program-admin')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedBody(updateProgramBody) body: UpdateProgramBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const program = await this.commands.execute<UpdateProgram, ProgramView>(
      new UpdateProgram(principal, programId, body, expectedVersionOf(ifMatch)),
    );
    response.setHeader('ETag', `"${program.version}"`);
    return programResponse(program);
  }
}
