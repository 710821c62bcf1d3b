import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { MatchRunView } from '../../infrastructure/views';
import { matchRunResponse, matchRunResponseSchema } from '../match-run-response';
import { reviewDraftBody, type ReviewDraftBody } from '../match-run-schemas';
import { ReviewDraft } from './review-draft.handler';

@Controller('programs/:programId/match-runs/:runId/review')
@Roles('program-admin')
export class ReviewDraftController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Responds(matchRunResponseSchema, {
    description:
      'A new draft, re-solved under the reviewed draft’s constraints and these; optimal under them',
  })
  async review(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('runId') runId: string,
    @ValidatedBody(reviewDraftBody) body: ReviewDraftBody,
  ) {
    return matchRunResponse(
      await this.commands.execute<ReviewDraft, MatchRunView>(
        new ReviewDraft(principal, programId, runId, body),
      ),
    );
  }
}
