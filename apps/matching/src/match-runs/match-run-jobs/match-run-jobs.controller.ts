import { ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Responds, Roles, type Principal } from '@tandem/auth';
import { ProgramAccess } from '../../programs/program-access';
import { matchRunJobResponse, matchRunJobResponseSchema } from './match-run-job-response';
import { MatchRunJobs } from './match-run-jobs';
import { MatchRunRunner } from './match-run-runner';

const notFound = () => new NotFoundException('Match run not found');

/** A requested run's progress, and stopping it. */
@Controller('programs/:programId/match-run-jobs')
@Roles('program-admin')
export class MatchRunJobsController {
  constructor(
    private readonly access: ProgramAccess,
    private readonly jobs: MatchRunJobs,
    private readonly runner: MatchRunRunner,
  ) {}

  @Get(':runId')
  @Responds(matchRunJobResponseSchema)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('runId') runId: string,
  ) {
    await this.access.managed(principal, programId);
    const job = await this.jobs.find(principal.tenantId, programId, runId);
    if (!job) throw notFound();
    return matchRunJobResponse(job);
  }

  /**
   * 200 with the run: `cancelled` when it was queued (or already cancelled), or still `running`
   * with `cancelRequested` while its solve stops (poll it); 409 once it completed or failed.
   */
  @Post(':runId/cancel')
  @HttpCode(200)
  @Responds(matchRunJobResponseSchema, { description: 'The run, cancelled or stopping', errors: [409] })
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('runId') runId: string,
  ) {
    await this.access.managed(principal, programId);
    const job = await this.jobs.requestCancel(principal.tenantId, programId, runId);
    if (!job) throw notFound();
    if (job.status === 'completed' || job.status === 'failed')
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        code: 'run-finished',
        message: `The match run has already ${job.status}`,
      });
    if (job.status === 'running') this.runner.cancelHere(job._id);
    return matchRunJobResponse(job);
  }
}
