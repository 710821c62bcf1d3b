import { Controller, Get, Param } from '@nestjs/common';
import {
  compareKeys,
  CurrentPrincipal,
  decodeCursor,
  isPlatformAdmin,
  paginate,
  queryOperator,
  Responds,
  Roles,
  ValidatedQuery,
  type Principal,
} from '@tandem/auth';
import type { Filter } from 'mongodb';
import { ReadModels } from '../../infrastructure/read-model-collections';
import type { ProgramView, RelationshipView } from '../../infrastructure/views';
import { includePeopleQuery, PeopleNames, type IncludePeopleQuery } from '../../people/people-names';
import { RelationshipAccess } from '../relationship-access';
import {
  relationshipListResponseSchema,
  relationshipResponse,
  relationshipWithPeopleSchema,
  type RelationshipListResponse,
} from '../relationship-response';
import { withReadableReflections } from '../submit-reflection/readable-reflections';
import { listRelationshipsQuery, type ListRelationshipsQuery } from '../relationship-schemas';

const keyOf = (relationship: RelationshipView) => [relationship.relationshipId];

@Controller('relationships')
@Roles('program-admin', 'participant')
export class GetRelationshipsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly access: RelationshipAccess,
    private readonly names: PeopleNames,
  ) {}

  /** Your own relationships, plus every relationship of the programs you administer; by relationship id. */
  @Get()
  @Responds(relationshipListResponseSchema)
  async list(
    @CurrentPrincipal() principal: Principal,
    @ValidatedQuery(listRelationshipsQuery) query: ListRelationshipsQuery,
  ) {
    const models = this.readModels.forTenant(principal);
    const filter: Filter<RelationshipView> = {};
    if (query.programId) filter.programId = query.programId;
    if (query.status) filter.status = query.status;
    if (query.cursor !== undefined)
      filter.relationshipId = queryOperator({ $gt: String(decodeCursor(query.cursor)[0]) });
    // Each part is paged in the database: the first limit+1 of each hold the first limit+1 of their union.
    const firstOf = (partFilter: Filter<RelationshipView>) =>
      models.relationships
        .find(partFilter, { sort: { relationshipId: 1 }, limit: query.limit + 1 })
        .toArray();
    if (isPlatformAdmin(principal)) return this.page(principal, await firstOf(filter), query);
    const administered = await models.programs
      .find({ 'settings.adminIds': principal.userId } as Filter<ProgramView>)
      .toArray();
    const administeredIds = administered.map((p) => (p as { programId: string }).programId);
    const [asMentor, asMentee, ofPrograms] = await Promise.all([
      firstOf({ ...filter, mentorIds: principal.userId }),
      firstOf({ ...filter, menteeIds: principal.userId }),
      administeredIds.length === 0
        ? []
        : firstOf({
            ...filter,
            programId: queryOperator({
              $in: administeredIds.filter((id) => !query.programId || id === query.programId),
            }),
          }),
    ]);
    const unique = new Map([...asMentor, ...asMentee, ...ofPrograms].map((r) => [r.relationshipId, r]));
    return this.page(principal, [...unique.values()], query);
  }

  private async page(
    principal: Principal,
    relationships: RelationshipView[],
    query: ListRelationshipsQuery,
  ): Promise<RelationshipListResponse> {
    const sorted = [...relationships].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
    const page = paginate(sorted, query, keyOf);
    const items = page.items.map(relationshipResponse);
    if (query.include !== 'people') return { ...page, items };
    const people = await this.names.byUserId(
      principal.tenantId,
      items.flatMap((r) => [...r.mentorIds, ...r.menteeIds]),
    );
    return { ...page, items, people };
  }

  @Get(':relationshipId')
  @Responds(relationshipWithPeopleSchema)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('relationshipId') relationshipId: string,
    @ValidatedQuery(includePeopleQuery) query: IncludePeopleQuery,
  ) {
    const { relationship, asAdmin } = await this.access.visible(principal, relationshipId);
    const response = withReadableReflections(
      relationshipResponse(relationship),
      relationship,
      principal,
      asAdmin,
    );
    if (query.include !== 'people') return response;
    const people = await this.names.byUserId(principal.tenantId, [
      ...relationship.mentorIds,
      ...relationship.menteeIds,
    ]);
    return { ...response, people };
  }
}
