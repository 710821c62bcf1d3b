import { Controller, Get, Param } from '@nestjs/common';
import { CurrentPrincipal, queryOperator, Roles, ValidatedQuery, type Principal } from '@tandem/auth';
import type { Filter } from 'mongodb';
import { ReadModels } from '../../infrastructure/read-model-collections';
import type { ParticipantView } from '../../infrastructure/views';
import { ProgramAccess } from '../../programs/program-access';
import { participantResponse } from '../participant-response';
import { listParticipantsQuery } from '../participant-schemas';

@Controller('programs/:programId/participants')
@Roles('program-admin')
export class ListParticipantsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
  ) {}

  @Get()
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @ValidatedQuery(listParticipantsQuery)
    query: { role?: 'mentor' | 'mentee'; status?: 'enrolled' | 'withdrawn'; limit: number },
  ) {
    await this.access.managed(principal, programId);
    const filter: Filter<ParticipantView> = { programId, version: queryOperator({ $gte: 1 }) };
    if (query.status) filter.status = query.status;
    const participants = await this.readModels.forTenant(principal).participants.find(filter).toArray();
    const selected = participants.filter((p) => !query.role || p.roles?.includes(query.role));
    selected.sort(
      (a, b) => a.enrolledAt.localeCompare(b.enrolledAt) || a.participantId.localeCompare(b.participantId),
    );
    return { items: selected.slice(0, query.limit).map(participantResponse), total: selected.length };
  }
}
