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
import { summaryReport, programSummarySchema } from '../program-reports';
import { asOfQuery } from '../program-schemas';

/** Enrolment, relationships, sessions, goals and ratings of one program, now or as of a past date. */
@Controller('programs')
@Roles(...ANALYTICS_READERS)
export class GetProgramSummaryController {
  constructor(private readonly programFacts: ProgramFacts) {}

  @Get(':programId/summary')
  @Responds(programSummarySchema, { description: 'The program’s figures' })
  async summary(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(asOfQuery) query: { asOf?: string },
  ) {
    const facts = await this.programFacts.of(principal, programId, query.asOf);
    return summaryReport(facts, programId, query.asOf);
  }
}
