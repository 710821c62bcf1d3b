import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { MatchRunJobDocument } from '../match-run-jobs/match-run-jobs';
import {
  matchRunJobPath,
  matchRunJobResponse,
  matchRunJobResponseSchema,
} from '../match-run-jobs/match-run-job-response';
import { runMatchingBody, type RunMatchingBody } from '../match-run-schemas';
import { RunMatching } from './run-matching.handler';

/** `POST …/match-runs`: 202 with the queued run; `Location` is where its progress is read. */
@Controller('programs/:programId/match-runs')
@Roles('program-admin')
export class RunMatchingController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @Responds(matchRunJobResponseSchema, {
    description: 'The run, queued and solved in the background: `Location` is where its progress is read',
    location: true,
  })
  async run(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedBody(runMatchingBody) body: RunMatchingBody,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const job = await this.commands.execute<RunMatching, MatchRunJobDocument>(
      new RunMatching(principal, programId, body),
    );
    response.setHeader('Location', matchRunJobPath(programId, job.runId));
    return matchRunJobResponse(job);
  }
}
