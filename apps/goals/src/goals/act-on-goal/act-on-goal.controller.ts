import { BadRequestException, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { expectedVersionOf } from '@tandem/runtime';
import type { z } from 'zod';
import { Clock } from '../../infrastructure/clock';
import { goalResponse } from '../goal-response';
import {
  abandonBody,
  addMilestoneBody,
  emptyBody,
  idField,
  recordProgressBody,
  reviseGoalBody,
} from '../goal-schemas';
import { ActOnGoal, type ActedGoal, type GoalAction } from './act-on-goal.handler';

/** What the mentee and mentors do with a goal; program admins only read (403 here). */
@Controller('goals/:goalId')
@Roles('program-admin', 'participant')
export class ActOnGoalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Post('revise')
  @HttpCode(200)
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
  addMilestone(
    @CurrentPrincipal() p: Principal,
    @Param('goalId') goalId: string,
    @ValidatedBody(addMilestoneBody) body: z.infer<typeof addMilestoneBody>,
  ) {
    return this.act(p, goalId, { type: 'add-milestone', ...body });
  }

  @Post('milestones/:milestoneId/complete')
  @HttpCode(200)
  completeMilestone(
    @CurrentPrincipal() p: Principal,
    @Param('goalId') goalId: string,
    @Param('milestoneId') milestoneId: string,
    @ValidatedBody(emptyBody) _body: object,
  ) {
    if (!idField.safeParse(milestoneId).success) throw new BadRequestException('Invalid milestone id');
    return this.act(p, goalId, { type: 'complete-milestone', milestoneId });
  }

  @Post('progress')
  @HttpCode(200)
  recordProgress(
    @CurrentPrincipal() p: Principal,
    @Param('goalId') goalId: string,
    @ValidatedBody(recordProgressBody) body: z.infer<typeof recordProgressBody>,
  ) {
    return this.act(p, goalId, { type: 'record-progress', ...body });
  }

  @Post('complete')
  @HttpCode(200)
  complete(
    @CurrentPrincipal() p: Principal,
    @Param('goalId') goalId: string,
    @ValidatedBody(emptyBody) _body: object,
  ) {
    return this.act(p, goalId, { type: 'complete' });
  }

  @Post('abandon')
  @HttpCode(200)
  abandon(
    @CurrentPrincipal() p: Principal,
    @Param('goalId') goalId: string,
    @ValidatedBody(abandonBody) body: z.infer<typeof abandonBody>,
  ) {
    return this.act(p, goalId, { type: 'abandon', reason: body.reason });
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
