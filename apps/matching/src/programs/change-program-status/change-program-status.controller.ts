import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { ProgramView } from '../../infrastructure/views';
import { programResponse, programResponseSchema } from '../program-response';
import { ChangeProgramStatus, type ProgramTransition } from './change-program-status.handler';

/**
 * The lifecycle: draft → enrolment-open → enrolment-closed → active → closed; anything else is a 409.
 * An If-Match naming a version the program no longer has is a 412.
 */
@Controller('programs/:programId')
@Roles('program-admin')
export class ChangeProgramStatusController {
  constructor(private readonly commands: CommandBus) {}

  @Post('open-enrolment')
  @HttpCode(200)
  @Responds(programResponseSchema)
  openEnrolment(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.change(principal, programId, 'open-enrolment', ifMatch);
  }

  @Post('close-enrolment')
  @HttpCode(200)
  @Responds(programResponseSchema)
  closeEnrolment(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.change(principal, programId, 'close-enrolment', ifMatch);
  }

  @Post('launch')
  @HttpCode(200)
  @Responds(programResponseSchema)
  launch(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.change(principal, programId, 'launch-program', ifMatch);
  }

  @Post('close')
  @HttpCode(200)
  @Responds(programResponseSchema)
  close(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.change(principal, programId, 'close-program', ifMatch);
  }

  private async change(
    principal: Principal,
    programId: string,
    transition: ProgramTransition,
    ifMatch: string | undefined,
  ) {
    return programResponse(
      await this.commands.execute<ChangeProgramStatus, ProgramView>(
        new ChangeProgramStatus(principal, programId, transition, expectedVersionOf(ifMatch)),
      ),
    );
  }
}
