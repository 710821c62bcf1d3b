import { NotFoundException } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { ProgramAccess } from '../../programs/program-access';
import { ParticipantImportJobs } from '../participant-imports/import-jobs';
import {
  isFinished,
  participantImportResponse,
  type ParticipantImportResponse,
} from '../participant-imports/participant-import-response';

export class GetParticipantImport {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly jobId: string,
  ) {}
}

/** A job's status and progress; its rejection report once it has stopped. Another tenant's: 404. */
@QueryHandler(GetParticipantImport)
export class GetParticipantImportHandler implements IQueryHandler<
  GetParticipantImport,
  ParticipantImportResponse
> {
  constructor(
    private readonly access: ProgramAccess,
    private readonly jobs: ParticipantImportJobs,
  ) {}

  async execute({ principal, programId, jobId }: GetParticipantImport): Promise<ParticipantImportResponse> {
    await this.access.managed(principal, programId);
    const job = await this.jobs.find(principal.tenantId, programId, jobId);
    if (!job) throw new NotFoundException('Import not found');
    return participantImportResponse(job, isFinished(job) ? await this.jobs.report(job) : undefined);
  }
}
