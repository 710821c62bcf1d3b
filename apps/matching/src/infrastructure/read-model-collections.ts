import { Injectable } from '@nestjs/common';
import { tenantScoped, type Principal, type TenantScopedCollection } from '@tandem/auth';
import { MongoConnection } from '@tandem/runtime';
import type { Collection, Document } from 'mongodb';
import type {
  MatchRunView,
  MentorView,
  ParticipantView,
  PersonView,
  ProgramView,
  RelationshipView,
} from './views';

/** `_id` of a read-model document: tenant first, so ids can never collide across tenants. */
export const documentId = (tenantId: string, id: string): string => `${tenantId}/${id}`;

export type ReadModelName =
  'programs' | 'participants' | 'relationships' | 'match_runs' | 'mentors' | 'people' | 'erasure_requests';

/**
 * The service's read models. Handlers reach them through `forTenant`, which scopes every query
 * and write to the caller's tenant (libs/auth refuses a query without one).
 */
@Injectable()
export class ReadModels {
  constructor(private readonly mongo: MongoConnection) {}

  raw<T extends Document>(name: ReadModelName): Collection<T> {
    return this.mongo.db.collection<T>(name);
  }

  forTenant(tenant: string | Principal) {
    const tenantId = typeof tenant === 'string' ? tenant : tenant.tenantId;
    return {
      tenantId,
      programs: tenantScoped(
        this.raw<ProgramView>('programs'),
        tenantId,
      ) as TenantScopedCollection<ProgramView>,
      participants: tenantScoped(
        this.raw<ParticipantView>('participants'),
        tenantId,
      ) as TenantScopedCollection<ParticipantView>,
      relationships: tenantScoped(
        this.raw<RelationshipView>('relationships'),
        tenantId,
      ) as TenantScopedCollection<RelationshipView>,
      matchRuns: tenantScoped(
        this.raw<MatchRunView>('match_runs'),
        tenantId,
      ) as TenantScopedCollection<MatchRunView>,
      mentors: tenantScoped(this.raw<MentorView>('mentors'), tenantId) as TenantScopedCollection<MentorView>,
      people: tenantScoped(this.raw<PersonView>('people'), tenantId) as TenantScopedCollection<PersonView>,
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

/** Fresh projection fields for a document written before its first event (its free text). */
export const unprojected = { version: 0, _applied: {}, _revision: 0 } as const;
