import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
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
import { matchRunJobResponse, matchRunJobResponseSchema } from '../match-run-jobs/match-run-job-response';
import { MatchRunJobs } from '../match-run-jobs/match-run-jobs';
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
    private readonly jobs: MatchRunJobs,
  ) {}

  /** The run once completed; while it is queued or running, 202 with its progress (poll again). */
  @Get(':runId')
  @Responds(matchRunResponseSchema.extend({ people: peopleNamesSchema.optional() }), {
    accepted: {
      description: 'Queued or running: its status and progress, as `…/match-run-jobs/{runId}` shows them',
      schema: matchRunJobResponseSchema,
    },
  })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('runId') runId: string,
    @ValidatedQuery(includePeopleQuery) query: IncludePeopleQuery,
    @Res({ passthrough: true })
    http: { status(code: number): unknown; setHeader(name: string, value: string): void },
  ) {
    await this.access.managed(principal, programId);
    const run = await this.visible(principal, programId, runId);
    if (!run) {
      const job = await this.jobs.find(principal.tenantId, programId, runId);
      if (job?.status === 'queued' || job?.status === 'running') {
        http.status(202);
        http.setHeader('Retry-After', '1');
        return matchRunJobResponse(job);
      }
      // A run that failed or was cancelled stored nothing: say so (its job keeps the details).
      if (job?.status === 'failed' || job?.status === 'cancelled')
        throw new NotFoundException(`The match run ${job.status}${job.error ? `: ${job.error}` : ''}`);
      throw new NotFoundException('Match run not found');
    }
    const response = matchRunResponse(run);
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
    const run = await this.visible(principal, programId, runId);
    if (!run) throw new NotFoundException('Match run not found');
    return run;
  }

  private async visible(
    principal: Principal,
    programId: string,
    runId: string,
  ): Promise<MatchRunView | null> {
    const run = await this.readModels
      .forTenant(principal)
      .matchRuns.findOne({ _id: documentId(principal.tenantId, runId), programId });
    return run && run.version > 0 ? run : null;
  }
}
