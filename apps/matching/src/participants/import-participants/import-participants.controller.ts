import { Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, ValidatedBody, ValidatedQuery, type Principal } from '@tandem/auth';
import { z } from 'zod';
import { importJobPath, participantImportResponse } from '../participant-imports/participant-import-response';
import { ImportParticipants, type DryRunReport, type ImportAccepted } from './import-participants.handler';

/**
 * `POST …/participants/import` with `Content-Type: text/csv`: 202 with the job (and its `Location`),
 * which enrols the rows in the background; `?dryRun=true` checks the rows at once (200) instead.
 */
const csvBody = z.string({ error: 'must be a CSV file sent as text/csv' });
const importQuery = z.strictObject({
  dryRun: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
});

@Controller('programs/:programId/participants/import')
@Roles('program-admin')
export class ImportParticipantsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  async import(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedBody(csvBody, 'text/csv') csv: string,
    @ValidatedQuery(importQuery) { dryRun }: z.output<typeof importQuery>,
    @Res({ passthrough: true })
    response: { status(code: number): unknown; setHeader(name: string, value: string): void },
  ) {
    const outcome = await this.commands.execute<ImportParticipants, DryRunReport | ImportAccepted>(
      new ImportParticipants(principal, programId, csv, dryRun === 'true'),
    );
    if (outcome.dryRun) {
      response.status(200);
      return outcome;
    }
    response.status(202);
    response.setHeader('Location', importJobPath(programId, outcome.job.jobId));
    return participantImportResponse(outcome.job);
  }
}
