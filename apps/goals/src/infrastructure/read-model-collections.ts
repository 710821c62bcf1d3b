import { Injectable } from '@nestjs/common';
import { tenantScoped, type Principal, type TenantOwned, type TenantScopedCollection } from '@tandem/auth';
import type { ProjectedDocument } from '@tandem/messaging';
import { MongoConnection } from '@tandem/runtime';
import type { Collection, Document } from 'mongodb';
import type {
  GoalTemplateTextsView,
  GoalTemplateView,
  GoalTextsView,
  GoalView,
  ProgramFactsView,
  RelationshipFactsView,
} from './views';

/** `_id` of a document: tenant first, so ids can never collide across tenants. */
export const documentId = (tenantId: string, id: string): string => `${tenantId}/${id}`;

/**
 * Collection names. The projected read models carry a version suffix: a projection whose logic
 * changes writes to a new collection, rebuilt from the topic (STYLE.md, rebuildable projections).
 */
export const collections = {
  goals: 'goals_v2',
  goalTexts: 'goal_texts',
  templates: 'goal_templates_v2',
  templateTexts: 'goal_template_texts',
  relationships: 'relationship_facts',
  programs: 'program_facts',
} as const;

type CollectionName = (typeof collections)[keyof typeof collections];

export type StoredGoalView = ProjectedDocument<GoalView> & TenantOwned;
export type StoredTemplateView = ProjectedDocument<GoalTemplateView> & TenantOwned;

/** The service's collections; handlers reach them through `forTenant`, which scopes every query to one tenant. */
@Injectable()
export class ReadModels {
  constructor(private readonly mongo: MongoConnection) {}

  raw<T extends Document>(name: CollectionName): Collection<T> {
    return this.mongo.db.collection<T>(name);
  }

  forTenant(tenant: string | Principal) {
    const tenantId = typeof tenant === 'string' ? tenant : tenant.tenantId;
    const scoped = <T extends TenantOwned>(name: CollectionName): TenantScopedCollection<T> =>
      tenantScoped(this.raw<T>(name), tenantId);
    return {
      tenantId,
      goals: scoped<StoredGoalView>(collections.goals),
      goalTexts: scoped<GoalTextsView>(collections.goalTexts),
      templates: scoped<StoredTemplateView>(collections.templates),
      templateTexts: scoped<GoalTemplateTextsView>(collections.templateTexts),
      relationships: scoped<RelationshipFactsView>(collections.relationships),
      programs: scoped<ProgramFactsView>(collections.programs),
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
