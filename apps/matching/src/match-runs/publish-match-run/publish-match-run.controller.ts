import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, type Principal } from '@tandem/auth';
import type { MatchRunView } from '../../infrastructure/views';
import { matchRunResponse } from '../match-run-response';
import { PublishMatchRun } from './publish-match-run.handler';

@Controller('programs/:programId/match-runs/:runId/publish')
@Roles('program-admin')
export class PublishMatchRunController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  async publish(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('runId') runId: string,
  ) {
    return matchRunResponse(
      await this.commands.execute<PublishMatchRun, MatchRunView>(
        new PublishMatchRun(principal, programId, runId),
      ),
    );
  }
}
