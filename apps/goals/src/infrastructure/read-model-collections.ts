import { Injectable } from '@nestjs/common';
import { tenantScoped, type Principal, type TenantScopedCollection } from '@tandem/auth';
import { MongoConnection } from '@tandem/runtime';
import type { Collection, Document } from 'mongodb';
import type { GoalTemplateView, GoalView, ProgramFactsView, RelationshipFactsView } from './views';

/** `_id` of a read-model document: tenant first, so ids can never collide across tenants. */
export const documentId = (tenantId: string, id: string): string => `${tenantId}/${id}`;

export type CollectionName = 'goals' | 'goal_templates' | 'relationship_facts' | 'program_facts';

/** The service's read models; handlers reach them through `forTenant`, which scopes every query to one tenant. */
@Injectable()
export class ReadModels {
  constructor(private readonly mongo: MongoConnection) {}

  raw<T extends Document>(name: CollectionName): Collection<T> {
    return this.mongo.db.collection<T>(name);
  }

  forTenant(tenant: string | Principal) {
    const tenantId = typeof tenant === 'string' ? tenant : tenant.tenantId;
    return {
      tenantId,
      goals: tenantScoped(this.raw<GoalView>('goals'), tenantId) as TenantScopedCollection<GoalView>,
      templates: tenantScoped(
        this.raw<GoalTemplateView>('goal_templates'),
        tenantId,
      ) as TenantScopedCollection<GoalTemplateView>,
      relationships: tenantScoped(
        this.raw<RelationshipFactsView>('relationship_facts'),
        tenantId,
      ) as TenantScopedCollection<RelationshipFactsView>,
      programs: tenantScoped(
        this.raw<ProgramFactsView>('program_facts'),
        tenantId,
      ) as TenantScopedCollection<ProgramFactsView>,
    };
  }
}

export type TenantReadModels = ReturnType<ReadModels['forTenant']>;

/** A document this request has just written: missing would be a bug, not a 404. */
export async function written<T>(read: Promise<T | null>): Promise<T> {
  const document = await read;
  if (document === null) throw new Error('a read model document written by this request is missing');
  return document;
}
