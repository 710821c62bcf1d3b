import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import type { z } from 'zod';
import { expectedVersionOf } from '@tandem/runtime';
import type { SessionResponse } from '../session-response';
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

/** What members (and their program's admins) do with a session once it is scheduled. */
@Controller('sessions/:sessionId')
@Roles('program-admin', 'participant')
export class ActOnSessionController {
  constructor(private readonly commands: CommandBus) {}

  @Post('reschedule')
  @HttpCode(200)
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
  cancel(
    @CurrentPrincipal() p: Principal,
    @Param('sessionId') id: string,
    @ValidatedBody(cancelBody) body: z.infer<typeof cancelBody>,
  ) {
    return this.act(p, id, { type: 'cancel', reason: body.reason });
  }

  @Post('held')
  @HttpCode(200)
  held(
    @CurrentPrincipal() p: Principal,
    @Param('sessionId') id: string,
    @ValidatedBody(heldBody) body: z.infer<typeof heldBody>,
  ) {
    return this.act(p, id, { type: 'mark-held', ...body });
  }

  @Post('no-show')
  @HttpCode(200)
  noShow(
    @CurrentPrincipal() p: Principal,
    @Param('sessionId') id: string,
    @ValidatedBody(noShowBody) body: z.infer<typeof noShowBody>,
  ) {
    return this.act(p, id, { type: 'mark-no-show', absentIds: body.absentIds });
  }

  @Post('feedback')
  @HttpCode(201)
  feedback(
    @CurrentPrincipal() p: Principal,
    @Param('sessionId') id: string,
    @ValidatedBody(feedbackBody) body: z.infer<typeof feedbackBody>,
  ) {
    return this.act(p, id, { type: 'submit-feedback', ...body });
  }

  @Post('action-items')
  @HttpCode(201)
  assign(
    @CurrentPrincipal() p: Principal,
    @Param('sessionId') id: string,
    @ValidatedBody(actionItemBody) body: z.infer<typeof actionItemBody>,
  ) {
    return this.act(p, id, { type: 'assign-action-item', ...body });
  }

  @Post('action-items/:actionItemId/complete')
  @HttpCode(200)
  complete(
    @CurrentPrincipal() p: Principal,
    @Param('sessionId') id: string,
    @Param('actionItemId') actionItemId: string,
    @ValidatedBody(emptyBody) _body: object,
  ) {
    return this.act(p, id, { type: 'complete-action-item', actionItemId });
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
