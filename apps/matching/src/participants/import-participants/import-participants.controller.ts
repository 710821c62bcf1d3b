import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, ValidatedBody, type Principal } from '@tandem/auth';
import { z } from 'zod';
import {
  importJobPath,
  participantImportResponse,
  participantImportResponseSchema,
} from '../participant-imports/participant-import-response';
import {
  dryRunReportSchema,
  ImportParticipants,
  type DryRunReport,
  type ImportAccepted,
} from './import-participants.handler';

const csvBody = z.string({ error: 'must be a CSV file sent as text/csv' });

/**
 * `POST …/participants/import` with `Content-Type: text/csv`: 202 with the job (and its `Location`),
 * which enrols the rows in the background. `POST …/participants/import/dry-run` checks the rows at
 * once (200) instead: one outcome per operation, so each has one documented success answer.
 */
@Controller('programs/:programId/participants/import')
@Roles('program-admin')
export class ImportParticipantsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @Responds(participantImportResponseSchema, {
    description: 'The job, queued: `Location` is where its progress is read',
    location: true,
  })
  async import(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedBody(csvBody, 'text/csv') csv: string,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const { job } = await this.commands.execute<ImportParticipants, ImportAccepted>(
      new ImportParticipants(principal, programId, csv, false),
    );
    response.setHeader('Location', importJobPath(programId, job.jobId));
    return participantImportResponse(job);
  }

  @Post('dry-run')
  @HttpCode(200)
  @Responds(dryRunReportSchema)
  dryRun(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedBody(csvBody, 'text/csv') csv: string,
  ): Promise<DryRunReport> {
    return this.commands.execute<ImportParticipants, DryRunReport>(
      new ImportParticipants(principal, programId, csv, true),
    );
  }
}
