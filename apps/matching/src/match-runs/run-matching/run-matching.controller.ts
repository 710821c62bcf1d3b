import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { MatchRunView } from '../../infrastructure/views';
import { matchRunResponse, matchRunResponseSchema } from '../match-run-response';
import { runMatchingBody, type RunMatchingBody } from '../match-run-schemas';
import { RunMatching } from './run-matching.handler';

@Controller('programs/:programId/match-runs')
@Roles('program-admin')
export class RunMatchingController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Responds(matchRunResponseSchema, { description: 'The draft run, with its pairs and report' })
  async run(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedBody(runMatchingBody) body: RunMatchingBody,
  ) {
    return matchRunResponse(
      await this.commands.execute<RunMatching, MatchRunView>(new RunMatching(principal, programId, body)),
    );
  }
}
