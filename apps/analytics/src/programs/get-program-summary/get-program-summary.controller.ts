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
import { summaryReport, programSummarySchema } from '../program-reports';
import { asOfQuery } from '../program-schemas';

/** Enrolment, relationships, sessions, goals and ratings of one program, now or as of a past date. */
@Controller('programs')
@Roles(...ANALYTICS_READERS)
export class GetProgramSummaryController {
  constructor(
    private readonly programFacts: ProgramFacts,
    private readonly summaries: RollupReader,
  ) {}

  @Get(':programId/summary')
  @Responds(programSummarySchema, { description: 'The program’s figures' })
  async summary(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(asOfQuery) query: { asOf?: string },
  ) {
    // Now: from the rollups. As of a past date: refolded from the facts' histories (exact; ADR 0008).
    if (query.asOf === undefined) {
      await this.programFacts.assertReadable(principal, programId);
      const summary = await this.summaries.summary(principal.tenantId, programId);
      if (summary) return summary;
    }
    const facts = await this.programFacts.of(principal, programId, query.asOf);
    return summaryReport(facts, programId, query.asOf);
  }
}
