import { Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { Clock } from '../../infrastructure/clock';
import { goalPartySchema, goalResponse } from '../goal-response';
import { setGoalBody, type SetGoalBody } from '../goal-schemas';
import { SetGoal, type SetGoalResult } from './set-goal.handler';

@Controller('goals')
export class SetGoalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  /** A mentee or mentor of an active relationship sets a goal (from a template or from scratch). */
  @Post()
  @Roles('participant')
  @Responds(goalPartySchema, { description: 'The goal set', location: true })
  async set(
    @CurrentPrincipal() principal: Principal,
    @ValidatedBody(setGoalBody) body: SetGoalBody,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const { goal, texts } = await this.commands.execute<SetGoal, SetGoalResult>(new SetGoal(principal, body));
    response.setHeader('ETag', `"${goal.version}"`);
    response.setHeader('Location', `goals/${goal.goalId}`);
    // A goal just set is never overdue (its due day is today or later), so pausing cannot change its status yet.
    return goalResponse(goal, texts, 'party', { now: this.clock.now(), relationshipPaused: false });
  }
}
