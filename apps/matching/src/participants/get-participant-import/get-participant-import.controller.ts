import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Responds, Roles, type Principal } from '@tandem/auth';
import {
  participantImportResponseSchema,
  type ParticipantImportResponse,
} from '../participant-imports/participant-import-response';
import { GetParticipantImport } from './get-participant-import.handler';

@Controller('programs/:programId/participant-imports')
@Roles('program-admin')
export class GetParticipantImportController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':jobId')
  @Responds(participantImportResponseSchema)
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Param('jobId') jobId: string,
  ): Promise<ParticipantImportResponse> {
    return this.queries.execute<GetParticipantImport, ParticipantImportResponse>(
      new GetParticipantImport(principal, programId, jobId),
    );
  }
}
