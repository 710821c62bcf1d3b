import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { z } from 'zod';
import { expectedVersionOf } from '@tandem/runtime';
import { sessionResponseSchema, type SessionResponse } from '../session-response';
import {
  actionItemBody,
  cancelBody,
  emptyBody,
  feedbackBody,
  heldBody,
  noShowBody,
  rescheduleBody,
} from '../session-schemas';
import { ActOnSession, type SessionAction } from './act-on-session.handler';

/**
 * What members (and their program's admins) do with a session once it is scheduled. Each answers the
 * session (its `version` is the ETag) and takes If-Match: a stale one is refused with 412.
 */
@Controller('sessions/:sessionId')
@Roles('program-admin', 'participant')
export class ActOnSessionController {
  constructor(private readonly commands: CommandBus) {}

  @Post('reschedule')
  @HttpCode(200)
  @Responds(sessionResponseSchema, { description: 'The session at its new time (`sequence` bumped)' })
  reschedule(
    @CurrentPrincipal() p: Principal,
    @Param('sessionId') id: string,
    @ValidatedBody(rescheduleBody) body: z.infer<typeof rescheduleBody>,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(p, id, { type: 'reschedule', ...body }, expectedVersionOf(ifMatch));
  }

  @Post('cancel')
  @HttpCode(200)
  @Responds(sessionResponseSchema, { description: 'The cancelled session' })
  cancel(
    @CurrentPrincipal() p: Principal,
    @Param('sessionId') id: string,
    @ValidatedBody(cancelBody) body: z.infer<typeof cancelBody>,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(p, id, { type: 'cancel', reason: body.reason }, expectedVersionOf(ifMatch));
  }

  @Post('held')
  @HttpCode(200)
  @Responds(sessionResponseSchema, { description: 'The session, held, with who attended' })
  held(
    @CurrentPrincipal() p: Principal,
    @Param('sessionId') id: string,
    @ValidatedBody(heldBody) body: z.infer<typeof heldBody>,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(p, id, { type: 'mark-held', ...body }, expectedVersionOf(ifMatch));
  }

  @Post('no-show')
  @HttpCode(200)
  @Responds(sessionResponseSchema, { description: 'The session, marked as a no-show' })
  noShow(
    @CurrentPrincipal() p: Principal,
    @Param('sessionId') id: string,
    @ValidatedBody(noShowBody) body: z.infer<typeof noShowBody>,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(p, id, { type: 'mark-no-show', absentIds: body.absentIds }, expectedVersionOf(ifMatch));
  }

  @Post('feedback')
  @HttpCode(201)
  @Responds(sessionResponseSchema, { description: 'The held session, the caller among `feedbackBy`' })
  feedback(
    @CurrentPrincipal() p: Principal,
    @Param('sessionId') id: string,
    @ValidatedBody(feedbackBody) body: z.infer<typeof feedbackBody>,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(p, id, { type: 'submit-feedback', ...body }, expectedVersionOf(ifMatch));
  }

  @Post('action-items')
  @HttpCode(201)
  @Responds(sessionResponseSchema, {
    description: 'The session with the new action item last in `actionItems`',
  })
  assign(
    @CurrentPrincipal() p: Principal,
    @Param('sessionId') id: string,
    @ValidatedBody(actionItemBody) body: z.infer<typeof actionItemBody>,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(p, id, { type: 'assign-action-item', ...body }, expectedVersionOf(ifMatch));
  }

  @Post('action-items/:actionItemId/complete')
  @HttpCode(200)
  @Responds(sessionResponseSchema, { description: 'The session with the action item completed' })
  complete(
    @CurrentPrincipal() p: Principal,
    @Param('sessionId') id: string,
    @Param('actionItemId') actionItemId: string,
    @ValidatedBody(emptyBody) _body: object,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(p, id, { type: 'complete-action-item', actionItemId }, expectedVersionOf(ifMatch));
  }

  private async act(
    principal: Principal,
    sessionId: string,
    action: SessionAction,
    expectedVersion?: number,
  ) {
    return this.commands.execute<ActOnSession, SessionResponse>(
      new ActOnSession(principal, sessionId, action, expectedVersion),
    );
  }
}
