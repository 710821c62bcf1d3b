import { Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, type Principal } from '@tandem/auth';
import type { ImportJobDocument } from '../participant-imports/import-jobs';
import { participantImportResponse } from '../participant-imports/participant-import-response';
import { CancelParticipantImport } from './cancel-participant-import.handler';

/** 200 once cancelled; 202 while a running job finishes the chunk in hand (poll the job). */
@Controller('programs/:programId/participant-imports')
@Roles('program-admin')
export class CancelParticipantImportController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':jobId/cancel')
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('jobId') jobId: string,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ) {
    const job = await this.commands.execute<CancelParticipantImport, ImportJobDocument>(
      new CancelParticipantImport(principal, programId, jobId),
    );
    response.status(job.status === 'cancelled' ? 200 : 202);
    return participantImportResponse(job);
  }
}
