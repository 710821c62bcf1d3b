import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, type Principal } from '@tandem/auth';
import type { ImportJobDocument } from '../participant-imports/import-jobs';
import {
  participantImportResponse,
  participantImportResponseSchema,
} from '../participant-imports/participant-import-response';
import { CancelParticipantImport } from './cancel-participant-import.handler';

/**
 * 200 with the job: `cancelled` when it was queued, or still `running` with `cancelRequested` while it
 * finishes the chunk in hand (poll the job). One success status, so the answer is one documented shape.
 */
@Controller('programs/:programId/participant-imports')
@Roles('program-admin')
export class CancelParticipantImportController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':jobId/cancel')
  @HttpCode(200)
  @Responds(participantImportResponseSchema, { description: 'The job, cancelled or stopping' })
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('jobId') jobId: string,
  ) {
    return participantImportResponse(
      await this.commands.execute<CancelParticipantImport, ImportJobDocument>(
        new CancelParticipantImport(principal, programId, jobId),
      ),
    );
  }
}
