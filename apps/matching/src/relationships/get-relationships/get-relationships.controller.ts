import { Controller, Get, Param } from '@nestjs/common';
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
import type { ProgramView, RelationshipView } from '../../infrastructure/views';
import { RelationshipAccess } from '../relationship-access';
import { relationshipResponse } from '../relationship-response';
import { listRelationshipsQuery } from '../relationship-schemas';

@Controller('relationships')
@Roles('program-admin', 'participant')
export class GetRelationshipsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly access: RelationshipAccess,
  ) {}

  /** Your own relationships, plus every relationship of the programs you administer. */
  @Get()
  async list(
    @CurrentPrincipal() principal: Principal,
    @ValidatedQuery(listRelationshipsQuery)
    query: { programId?: string; status?: RelationshipView['status']; limit: number },
  ) {
    const models = this.readModels.forTenant(principal);
    const filter: Filter<RelationshipView> = {};
    if (query.programId) filter.programId = query.programId;
    if (query.status) filter.status = query.status;
    if (isPlatformAdmin(principal))
      return this.page(await models.relationships.find(filter).toArray(), query.limit);
    const administered = await models.programs
      .find({ 'settings.adminIds': principal.userId } as Filter<ProgramView>)
      .toArray();
    const administeredIds = administered.map((p) => (p as { programId: string }).programId);
    const [asMentor, asMentee, ofPrograms] = await Promise.all([
      models.relationships.find({ ...filter, mentorIds: principal.userId }).toArray(),
      models.relationships.find({ ...filter, menteeIds: principal.userId }).toArray(),
      administeredIds.length === 0
        ? []
        : models.relationships
            .find({
              ...filter,
              programId: queryOperator({
                $in: administeredIds.filter((id) => !query.programId || id === query.programId),
              }),
            })
            .toArray(),
    ]);
    const unique = new Map([...asMentor, ...asMentee, ...ofPrograms].map((r) => [r.relationshipId, r]));
    return this.page([...unique.values()], query.limit);
  }

  private page(relationships: RelationshipView[], limit: number) {
    const visible = [...relationships];
    visible.sort((a, b) => a.relationshipId.localeCompare(b.relationshipId));
    return { items: visible.slice(0, limit).map(relationshipResponse) };
  }

  @Get(':relationshipId')
  async get(@CurrentPrincipal() principal: Principal, @Param('relationshipId') relationshipId: string) {
    return relationshipResponse((await this.access.visible(principal, relationshipId)).relationship);
  }
}
