import { Controller, Get, Param } from '@nestjs/common';
import {
  ANALYTICS_READERS,
  CurrentPrincipal,
  Responds,
  Roles,
  ValidatedQuery,
  type Principal,
} from '@tandem/auth';
import { ProgramFacts } from '../program-facts';
import { achievementsReport, achievementsSchema } from '../program-reports';
import { achievementsQuery, type AchievementsQuery } from '../program-schemas';

/** Goals and milestones completed, relationships completed well: what a program can celebrate, now or as of a past instant. */
@Controller('programs')
@Roles(...ANALYTICS_READERS)
export class GetAchievementsController {
  constructor(private readonly programFacts: ProgramFacts) {}

  @Get(':programId/achievements')
  @Responds(achievementsSchema, { description: 'The program’s newest achievements, newest first' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(achievementsQuery) query: AchievementsQuery,
  ) {
    const facts = await this.programFacts.of(principal, programId, query.asOf);
    return achievementsReport(facts, programId, query.limit, query.asOf);
  }
}
