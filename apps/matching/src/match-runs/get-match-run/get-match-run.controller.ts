import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { CurrentPrincipal, Responds, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import { documentId, ReadModels } from '../../infrastructure/read-model-collections';
import type { MatchRunView } from '../../infrastructure/views';
import { ProgramAccess } from '../../programs/program-access';
import {
  matchRunComparison,
  matchRunComparisonSchema,
  matchRunResponse,
  matchRunResponseSchema,
} from '../match-run-response';
import { compareQuery } from '../match-run-schemas';
import {
  includePeopleQuery,
  PeopleNames,
  peopleNamesSchema,
  type IncludePeopleQuery,
} from '../../people/people-names';

@Controller('programs/:programId/match-runs')
@Roles('program-admin')
export class GetMatchRunController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
    private readonly names: PeopleNames,
  ) {}

  @Get(':runId')
  @Responds(matchRunResponseSchema.extend({ people: peopleNamesSchema.optional() }))
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('runId') runId: string,
    @ValidatedQuery(includePeopleQuery) query: IncludePeopleQuery,
  ) {
    await this.access.managed(principal, programId);
    const response = matchRunResponse(await this.find(principal, programId, runId));
    if (query.include !== 'people') return response;
    const participantIds = [
      ...response.pairs.flatMap((pair) => [pair.menteeId, pair.mentorId]),
      ...response.report.unmatchedMentees.map((mentee) => mentee.menteeId),
    ];
    return { ...response, people: await this.names.byParticipantId(principal.tenantId, participantIds) };
  }

  /** What-if: how this draft differs from another run of the same program (pairs and figures). */
  @Get(':runId/compare')
  @Responds(matchRunComparisonSchema)
  async compare(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('runId') runId: string,
    @ValidatedQuery(compareQuery) query: { with: string },
  ) {
    await this.access.managed(principal, programId);
    const [before, after] = await Promise.all([
      this.find(principal, programId, query.with),
      this.find(principal, programId, runId),
    ]);
    return matchRunComparison(before, after);
  }

  private async find(principal: Principal, programId: string, runId: string): Promise<MatchRunView> {
    const run = await this.readModels
      .forTenant(principal)
      .matchRuns.findOne({ _id: documentId(principal.tenantId, runId), programId });
    if (!run || run.version === 0) throw new NotFoundException('Match run not found');
    return run;
  }
}
