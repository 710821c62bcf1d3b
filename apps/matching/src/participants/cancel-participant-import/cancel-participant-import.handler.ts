import { ConflictException, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { ProgramAccess } from '../../programs/program-access';
import { ParticipantImportJobs, type ImportJobDocument } from '../participant-imports/import-jobs';

export class CancelParticipantImport {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly jobId: string,
  ) {}
}

/**
 * Stops an import: a queued one at once, a running one at its next checkpoint (the rows enrolled
 * so far stay enrolled and are counted). A job that already completed or failed is a 409.
 */
@CommandHandler(CancelParticipantImport)
export class CancelParticipantImportHandler implements ICommandHandler<
  CancelParticipantImport,
  ImportJobDocument
> {
  constructor(
    private readonly access: ProgramAccess,
    private readonly jobs: ParticipantImportJobs,
  ) {}

  async execute({ principal, programId, jobId }: CancelParticipantImport): Promise<ImportJobDocument> {
    await this.access.managed(principal, programId);
    const job = await this.jobs.requestCancel(principal.tenantId, programId, jobId);
    if (!job) throw new NotFoundException('Import not found');
    if (job.status === 'completed' || job.status === 'failed')
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        code: 'import-finished',
        message: `The import has already ${job.status === 'completed' ? 'completed' : 'failed'}`,
      });
    return job;
  }
}
