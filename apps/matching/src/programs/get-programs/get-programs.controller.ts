import { Controller, Get, Param } from '@nestjs/common';
import {
  CurrentPrincipal,
  isPlatformAdmin,
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
import type { ProgramView } from '../../infrastructure/views';
import { ProgramAccess } from '../program-access';
import { programResponse, programResponseSchema } from '../program-response';
import { listProgramsQuery, type ListProgramsQuery } from '../program-schemas';

/** Reads straight from the programs read model (a query needs no domain rules). */
@Controller('programs')
@Roles('program-admin', 'participant')
export class GetProgramsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly access: ProgramAccess,
  ) {}

  /** Newest first. */
  @Get()
  @Responds(pageOf(programResponseSchema))
  async list(
    @CurrentPrincipal() principal: Principal,
    @ValidatedQuery(listProgramsQuery) query: ListProgramsQuery,
  ) {
    const filter: Filter<ProgramView> = queryOperator({
      version: queryOperator({ $gte: 1 }),
      ...(query.status ? { status: query.status } : {}),
      // Drafts are visible to their admins only.
      ...(isPlatformAdmin(principal)
        ? {}
        : {
            $or: [
              { status: queryOperator({ $ne: 'draft' as const }) },
              { 'settings.adminIds': principal.userId },
            ],
          }),
    });
    const page = await readModelPage(
      this.readModels.forTenant(principal).programs,
      filter,
      { fields: ['createdAt', 'programId'], direction: -1 },
      query,
    );
    return { ...page, items: page.items.map(programResponse) };
  }

  @Get(':programId')
  @Responds(programResponseSchema)
  async get(@CurrentPrincipal() principal: Principal, @Param('programId') programId: string) {
    return programResponse(await this.access.visible(principal, programId));
  }
}
