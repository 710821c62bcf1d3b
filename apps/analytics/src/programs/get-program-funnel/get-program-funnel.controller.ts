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
import { funnelReport, programFunnelSchema } from '../program-reports';
import { asOfQuery } from '../program-schemas';

/** Mentees from enrolment to a completed relationship, with median days between steps. */
@Controller('programs')
@Roles(...ANALYTICS_READERS)
export class GetProgramFunnelController {
  constructor(private readonly programFacts: ProgramFacts) {}

  @Get(':programId/funnel')
  @Responds(programFunnelSchema, { description: 'Mentees through each step of the program' })
  async funnel(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(asOfQuery) query: { asOf?: string },
  ) {
    const facts = await this.programFacts.of(principal, programId, query.asOf);
    return funnelReport(facts, programId, query.asOf);
  }
}
