import { Controller, Get, Param } from '@nestjs/common';
import {
  ANALYTICS_READERS,
  CurrentPrincipal,
  Responds,
  Roles,
  ValidatedQuery,
  type Principal,
} from '@tandem/auth';
import { RollupReader } from '../../infrastructure/rollup-reader';
import { ProgramFacts } from '../program-facts';
import { funnelReport, programFunnelSchema } from '../program-reports';
import { asOfQuery } from '../program-schemas';

/** Mentees from enrolment to a completed relationship, with median days between steps. */
@Controller('programs')
@Roles(...ANALYTICS_READERS)
export class GetProgramFunnelController {
  constructor(
    private readonly programFacts: ProgramFacts,
    private readonly rollups: RollupReader,
  ) {}

  @Get(':programId/funnel')
  @Responds(programFunnelSchema, { description: 'Mentees through each step of the program' })
  async funnel(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(asOfQuery) query: { asOf?: string },
  ) {
    // Now: from the mentees' journeys. As of a past date: refolded from the facts (ADR 0008).
    if (query.asOf === undefined) {
      await this.programFacts.assertReadable(principal, programId);
      const funnel = await this.rollups.funnel(principal.tenantId, programId);
      if (funnel) return { ...funnel, stages: [...funnel.stages] };
    }
    const facts = await this.programFacts.of(principal, programId, query.asOf);
    return funnelReport(facts, programId, query.asOf);
  }
}
