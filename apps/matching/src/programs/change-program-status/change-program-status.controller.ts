import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, type Principal } from '@tandem/auth';
import type { ProgramView } from '../../infrastructure/views';
import { programResponse } from '../program-response';
import { ChangeProgramStatus, type ProgramTransition } from './change-program-status.handler';

/** The lifecycle: draft → enrolment-open → enrolment-closed → active → closed; anything else is a 409. */
@Controller('programs/:programId')
@Roles('program-admin')
export class ChangeProgramStatusController {
  constructor(private readonly commands: CommandBus) {}

  @Post('open-enrolment')
  @HttpCode(200)
  openEnrolment(@CurrentPrincipal() principal: Principal, @Param('programId') programId: string) {
    return this.change(principal, programId, 'open-enrolment');
  }

  @Post('close-enrolment')
  @HttpCode(200)
  closeEnrolment(@CurrentPrincipal() principal: Principal, @Param('programId') programId: string) {
    return this.change(principal, programId, 'close-enrolment');
  }

  @Post('launch')
  @HttpCode(200)
  launch(@CurrentPrincipal() principal: Principal, @Param('programId') programId: string) {
    return this.change(principal, programId, 'launch-program');
  }

  @Post('close')
  @HttpCode(200)
  close(@CurrentPrincipal() principal: Principal, @Param('programId') programId: string) {
    return this.change(principal, programId, 'close-program');
  }

  private async change(principal: Principal, programId: string, transition: ProgramTransition) {
    return programResponse(
      await this.commands.execute<ChangeProgramStatus, ProgramView>(
        new ChangeProgramStatus(principal, programId, transition),
      ),
    );
  }
}
