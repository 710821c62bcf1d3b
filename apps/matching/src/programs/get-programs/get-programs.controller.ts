import { Controller, Get, Param, Res } from '@nestjs/common';
import {
  CurrentPrincipal,
  isPlatformAdmin,
  queryOperator,
  Roles,
  ValidatedQuery,
  type Principal,
} from '@tandem/auth';
import type { Filter } from 'mongodb';
import { ReadModels } from '../../infrastructure/read-model-collections';
import type { ProgramView } from '../../infrastructure/views';
import { ProgramAccess } from '../program-access';
import { programResponse } from '../program-response';
import { listProgramsQuery } from '../program-schemas';

/** Reads straight from the programs read model (a query needs no domain rules). */
@Controller('programs')
@Roles('program-admin', 'participant')
export class GetProgramsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
  ) {}

  @Get()
  async list(
    @CurrentPrincipal() principal: Principal,
    @ValidatedQuery(listProgramsQuery) query: { status?: string; limit: number },
  ) {
    const filter: Filter<ProgramView> = { version: queryOperator({ $gte: 1 }) };
    if (query.status) filter.status = query.status as ProgramView['status'];
    const programs = await this.readModels.forTenant(principal).programs.find(filter).limit(1000).toArray();
    // Drafts are visible to their admins only.
    const visible = programs.filter(
      (p) =>
        p.status !== 'draft' || isPlatformAdmin(principal) || p.settings?.adminIds.includes(principal.userId),
    );
    visible.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.programId.localeCompare(b.programId));
    return { items: visible.slice(0, query.limit).map(programResponse) };
  }

  @Get(':programId')
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('programId') programId: string,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const program = await this.access.visible(principal, programId);
    response.setHeader('ETag', `"${program.version}"`);
    return programResponse(program);
  }
}
