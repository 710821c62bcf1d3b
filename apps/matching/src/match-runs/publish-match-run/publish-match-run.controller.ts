import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { MatchRunView } from '../../infrastructure/views';
import { matchRunResponse, matchRunResponseSchema } from '../match-run-response';
import { PublishMatchRun } from './publish-match-run.handler';

@Controller('programs/:programId/match-runs/:runId/publish')
@Roles('program-admin')
export class PublishMatchRunController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Responds(matchRunResponseSchema)
  async publish(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('runId') runId: string,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return matchRunResponse(
      await this.commands.execute<PublishMatchRun, MatchRunView>(
        new PublishMatchRun(principal, programId, runId, expectedVersionOf(ifMatch)),
      ),
    );
  }
}
