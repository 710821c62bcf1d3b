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
import { healthReport, programHealthSchema } from '../program-reports';
import { healthQuery } from '../program-schemas';

/** Relationships at risk with their reasons, and the program's fizzle signal, at `at` (default now). */
@Controller('programs')
@Roles(...ANALYTICS_READERS)
export class GetProgramHealthController {
  constructor(private readonly programFacts: ProgramFacts) {}

  @Get(':programId/health')
  @Responds(programHealthSchema, { description: 'Relationships at risk and the program’s activity' })
  async health(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(healthQuery) query: { at?: string },
  ) {
    const at = query.at ?? new Date().toISOString();
    // Judged on what was known at that moment, so a past health check can be reproduced.
    const facts = await this.programFacts.of(principal, programId, query.at);
    return healthReport(facts, programId, at);
  }
}
