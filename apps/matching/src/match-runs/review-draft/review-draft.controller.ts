import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { MatchRunJobDocument } from '../match-run-jobs/match-run-jobs';
import {
  matchRunJobPath,
  matchRunJobResponse,
  matchRunJobResponseSchema,
} from '../match-run-jobs/match-run-job-response';
import { reviewDraftBody, type ReviewDraftBody } from '../match-run-schemas';
import { ReviewDraft } from './review-draft.handler';

@Controller('programs/:programId/match-runs/:runId/review')
@Roles('program-admin')
export class ReviewDraftController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @Responds(matchRunJobResponseSchema, {
    description:
      'A new draft, queued: re-solved in the background under the reviewed draft’s constraints and these, optimal under them; `Location` is where its progress is read',
    location: true,
  })
  async review(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('runId') runId: string,
    @ValidatedBody(reviewDraftBody) body: ReviewDraftBody,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const job = await this.commands.execute<ReviewDraft, MatchRunJobDocument>(
      new ReviewDraft(principal, programId, runId, body),
    );
    response.setHeader('Location', matchRunJobPath(programId, job.runId));
    return matchRunJobResponse(job);
  }
}
