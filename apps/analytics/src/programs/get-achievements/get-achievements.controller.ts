import { Controller, Get, Param } from '@nestjs/common';
import { achievements } from '@tandem/analytics-domain';
import { ANALYTICS_READERS, CurrentPrincipal, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { ProgramFacts } from '../program-facts';
import { achievementsQuery } from '../program-schemas';

/** Goals and milestones completed, relationships completed well: what a program can celebrate. */
@Controller('programs')
@Roles(...ANALYTICS_READERS)
export class GetAchievementsController {
  constructor(private readonly programFacts: ProgramFacts) {}

  @Get(':programId/achievements')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(achievementsQuery) query: { limit: number },
  ) {
    const facts = await this.programFacts.of(principal, programId);
    return { programId, items: achievements(facts, programId, query.limit) };
  }
}
