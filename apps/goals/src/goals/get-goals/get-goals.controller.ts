import { Controller, Get, Param } from '@nestjs/common';
import { CurrentPrincipal, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { Clock } from '../../infrastructure/clock';
import { GoalAccess } from '../goal-access';
import { goalResponse } from '../goal-response';
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
  list(@CurrentPrincipal() principal: Principal, @ValidatedQuery(listGoalsQuery) query: ListGoalsQuery) {
    return this.listing.list(principal, query);
  }

  @Get(':goalId')
  async get(@CurrentPrincipal() principal: Principal, @Param('goalId') goalId: string) {
    const { goal, texts, relationship, audience } = await this.access.visible(principal, goalId);
    return goalResponse(goal, texts, audience, {
      now: this.clock.now(),
      relationshipPaused: relationship?.status === 'paused',
    });
  }
}
