import { Body, Controller, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, invalidRequest, Roles, type Principal } from '@tandem/auth';
import { importJobPath, participantImportResponse } from '../participant-imports/participant-import-response';
import { ImportParticipants, type DryRunReport, type ImportAccepted } from './import-participants.handler';

/**
 * `POST …/participants/import` with `Content-Type: text/csv`: 202 with the job (and its `Location`),
 * which enrols the rows in the background; `?dryRun=true` checks the rows at once (200) instead.
 */
@Controller('programs/:programId/participants/import')
@Roles('program-admin')
export class ImportParticipantsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  async import(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Body() csv: unknown,
    @Query('dryRun') dryRun: unknown,
    @Res({ passthrough: true })
    response: { status(code: number): unknown; setHeader(name: string, value: string): void },
  ) {
    if (typeof csv !== 'string')
      throw invalidRequest('body', [{ field: '(body)', message: 'must be a CSV file sent as text/csv' }]);
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false')
      throw invalidRequest('query', [{ field: 'dryRun', message: 'must be true or false' }]);
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
