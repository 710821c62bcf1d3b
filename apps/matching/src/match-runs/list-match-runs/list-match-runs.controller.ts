import { Controller, Get, Param } from '@nestjs/common';
import {
  CurrentPrincipal,
  pageOf,
  queryOperator,
  Responds,
  Roles,
  ValidatedQuery,
  type Principal,
  readModelPage,
} from '@tandem/auth';
import { ReadModels } from '../../infrastructure/read-model-collections';
import { ProgramAccess } from '../../programs/program-access';
import { listMatchRunsQuery, type ListMatchRunsQuery } from '../match-run-schemas';
import { matchRunSummary, matchRunSummarySchema } from './match-run-summary';

/** A program's runs, newest first: the drafts to review and the runs published. */
@Controller('programs/:programId/match-runs')
@Roles('program-admin')
export class ListMatchRunsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
  ) {}

  @Get()
  @Responds(pageOf(matchRunSummarySchema))
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(listMatchRunsQuery) query: ListMatchRunsQuery,
  ) {
    await this.access.managed(principal, programId);
    const page = await readModelPage(
      this.readModels.forTenant(principal).matchRuns,
      { programId, version: queryOperator({ $gte: 1 }) },
      { fields: ['createdAt', 'runId'], direction: -1 },
      query,
    );
    return { ...page, items: page.items.map(matchRunSummary) };
  }
}
