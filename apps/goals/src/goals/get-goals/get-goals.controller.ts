import { Controller, Get, Param } from '@nestjs/common';
import { CurrentPrincipal, pageOf, Responds, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { Clock } from '../../infrastructure/clock';
import { GoalAccess } from '../goal-access';
import { goalResponse, goalResponseSchema } from '../goal-response';
import { listGoalsQuery, type ListGoalsQuery } from '../goal-schemas';
import { GoalListing } from './goal-listing';

@Controller('goals')
@Roles('program-admin', 'participant')
export class GetGoalsController {
  constructor(
    private readonly listing: GoalListing,
    private readonly access: GoalAccess,
    private readonly clock: Clock,
  ) {}

  /** `?relationshipId=`, `?participantId=` (default: yourself), `?programId=` (its admins); `&status=at-risk` filters by derived status. */
  @Get()
  @Responds(pageOf(goalResponseSchema), { description: 'A page of goals, by due date then id' })
  list(@CurrentPrincipal() principal: Principal, @ValidatedQuery(listGoalsQuery) query: ListGoalsQuery) {
    return this.listing.list(principal, query);
  }

  @Get(':goalId')
  @Responds(goalResponseSchema, { description: 'The goal, as its reader may see it' })
  async get(@CurrentPrincipal() principal: Principal, @Param('goalId') goalId: string) {
    const { goal, texts, relationship, audience } = await this.access.visible(principal, goalId);
    return goalResponse(goal, texts, audience, {
      now: this.clock.now(),
      relationshipPaused: relationship?.status === 'paused',
    });
  }
}
