import { BadRequestException, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { z } from 'zod';
import { Clock } from '../../infrastructure/clock';
import { goalPartySchema, goalResponse } from '../goal-response';
import {
  abandonBody,
  addMilestoneBody,
  emptyBody,
  idField,
  recordProgressBody,
  reviseGoalBody,
} from '../goal-schemas';
import { ActOnGoal, type ActedGoal, type GoalAction } from './act-on-goal.handler';

/**
 * What the mentee and mentors do with a goal; program admins only read (403 here). Each answer is the
 * goal with its version (the ETag); an If-Match naming an older version is refused with 412.
 */
@Controller('goals/:goalId')
@Roles('program-admin', 'participant')
export class ActOnGoalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Post('revise')
  @HttpCode(200)
  @Responds(goalPartySchema, { description: 'The goal revised' })
  revise(
    @CurrentPrincipal() p: Principal,
    @Param('goalId') goalId: string,
    @ValidatedBody(reviseGoalBody) body: z.infer<typeof reviseGoalBody>,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(p, goalId, { type: 'revise', ...body }, ifMatch);
  }

  @Post('milestones')
  @HttpCode(201)
  @Responds(goalPartySchema, { description: 'The goal with its new milestone' })
  addMilestone(
    @CurrentPrincipal() p: Principal,
    @Param('goalId') goalId: string,
    @ValidatedBody(addMilestoneBody) body: z.infer<typeof addMilestoneBody>,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(p, goalId, { type: 'add-milestone', ...body }, ifMatch);
  }

  @Post('milestones/:milestoneId/complete')
  @HttpCode(200)
  @Responds(goalPartySchema, { description: 'The goal with the milestone completed' })
  completeMilestone(
    @CurrentPrincipal() p: Principal,
    @Param('goalId') goalId: string,
    @Param('milestoneId') milestoneId: string,
    @ValidatedBody(emptyBody) _body: object,
    @Headers('if-match') ifMatch?: string,
  ) {
    if (!idField.safeParse(milestoneId).success) throw new BadRequestException('Invalid milestone id');
    return this.act(p, goalId, { type: 'complete-milestone', milestoneId }, ifMatch);
  }

  @Post('progress')
  @HttpCode(200)
  @Responds(goalPartySchema, { description: 'The goal with the progress recorded' })
  recordProgress(
    @CurrentPrincipal() p: Principal,
    @Param('goalId') goalId: string,
    @ValidatedBody(recordProgressBody) body: z.infer<typeof recordProgressBody>,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(p, goalId, { type: 'record-progress', ...body }, ifMatch);
  }

  @Post('complete')
  @HttpCode(200)
  @Responds(goalPartySchema, { description: 'The goal completed' })
  complete(
    @CurrentPrincipal() p: Principal,
    @Param('goalId') goalId: string,
    @ValidatedBody(emptyBody) _body: object,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(p, goalId, { type: 'complete' }, ifMatch);
  }

  @Post('abandon')
  @HttpCode(200)
  @Responds(goalPartySchema, { description: 'The goal abandoned' })
  abandon(
    @CurrentPrincipal() p: Principal,
    @Param('goalId') goalId: string,
    @ValidatedBody(abandonBody) body: z.infer<typeof abandonBody>,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(p, goalId, { type: 'abandon', reason: body.reason }, ifMatch);
  }

  private async act(principal: Principal, goalId: string, action: GoalAction, ifMatch?: string) {
    const expectedVersion = expectedVersionOf(ifMatch);
    const { goal, texts, visible } = await this.commands.execute<ActOnGoal, ActedGoal>(
      new ActOnGoal(principal, goalId, action, expectedVersion),
    );
    return goalResponse(goal, texts, 'party', {
      now: this.clock.now(),
      relationshipPaused: visible.relationship?.status === 'paused',
    });
  }
}
