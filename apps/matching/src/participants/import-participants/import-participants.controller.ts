import { Body, Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, invalidRequest, Roles, type Principal } from '@tandem/auth';
import { ImportParticipants, type ImportReport } from './import-participants.handler';

/** `POST …/participants/import` with `Content-Type: text/csv`; `?dryRun=true` validates only. */
@Controller('programs/:programId/participants/import')
@Roles('program-admin')
export class ImportParticipantsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  async import(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Body() csv: unknown,
    @Query('dryRun') dryRun: unknown,
  ) {
    if (typeof csv !== 'string')
      throw invalidRequest('body', [{ field: '(body)', message: 'must be a CSV file sent as text/csv' }]);
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false')
      throw invalidRequest('query', [{ field: 'dryRun', message: 'must be true or false' }]);
    return this.commands.execute<ImportParticipants, ImportReport>(
      new ImportParticipants(principal, programId, csv, dryRun === 'true'),
    );
  }
}
