import { Controller, Get, Param } from '@nestjs/common';
import { programSummary } from '@tandem/analytics-domain';
import { ANALYTICS_READERS, CurrentPrincipal, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { ProgramFacts } from '../program-facts';
import { asOfQuery } from '../program-schemas';

/** Enrolment, relationships, sessions, goals and ratings of one program, now or as of a past date. */
@Controller('programs')
@Roles(...ANALYTICS_READERS)
export class GetProgramSummaryController {
  constructor(private readonly programFacts: ProgramFacts) {}

  @Get(':programId/summary')
  async summary(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(asOfQuery) query: { asOf?: string },
  ) {
    const facts = await this.programFacts.of(principal, programId, query.asOf);
    return { ...programSummary(facts, programId), ...(query.asOf ? { asOf: query.asOf } : {}) };
  }
}
