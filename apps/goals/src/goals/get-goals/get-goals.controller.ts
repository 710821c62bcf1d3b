import { Controller, Get, Param } from '@nestjs/common';
import { CurrentPrincipal, pageOf, Responds, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { ForwardedAuthorization, PeopleDirectoryClient, peopleNamesSchema } from '@tandem/runtime';
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
    private readonly directory: PeopleDirectoryClient,
  ) {}

  /** `?relationshipId=`, `?participantId=` (default: yourself), `?programId=` (its admins); `&status=at-risk` filters by derived status. */
  @Get()
  @Responds(pageOf(goalResponseSchema).extend({ people: peopleNamesSchema.optional() }), {
    description: 'A page of goals, by due date then id; with `include=people`, their owners’ names',
    errors: [503],
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @ValidatedQuery(listGoalsQuery) query: ListGoalsQuery,
    @ForwardedAuthorization() authorization?: string,
  ) {
    const page = await this.listing.list(principal, query);
    if (query.include !== 'people') return page;
    return {
      ...page,
      people: await this.directory.names(
        authorization,
        page.items.map((goal) => goal.ownerId),
      ),
    };
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
