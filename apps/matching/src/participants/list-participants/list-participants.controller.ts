import { Controller, Get, Param } from '@nestjs/common';
import {
  CurrentPrincipal,
  pageOf,
  queryOperator,
  Responds,
  Roles,
  ValidatedQuery,
  type Principal,
  readModelPage,
} from '@tandem/auth';
import type { Filter } from 'mongodb';
import { ReadModels } from '../../infrastructure/read-model-collections';
import type { ParticipantView } from '../../infrastructure/views';
import { ProgramAccess } from '../../programs/program-access';
import { participantResponse, participantResponseSchema } from '../participant-response';
import { listParticipantsQuery, type ListParticipantsQuery } from '../participant-schemas';

@Controller('programs/:programId/participants')
@Roles('program-admin')
export class ListParticipantsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
  ) {}

  /** In enrolment order. */
  @Get()
  @Responds(pageOf(participantResponseSchema))
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(listParticipantsQuery) query: ListParticipantsQuery,
  ) {
    await this.access.managed(principal, programId);
    const filter: Filter<ParticipantView> = {
      programId,
      version: queryOperator({ $gte: 1 }),
      ...(query.status ? { status: query.status } : {}),
      ...(query.role ? { roles: query.role } : {}),
    };
    const page = await readModelPage(
      this.readModels.forTenant(principal).participants,
      filter,
      { fields: ['enrolledAt', 'participantId'], direction: 1 },
      query,
    );
    return { ...page, items: page.items.map(participantResponse) };
  }
}
