import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { createIndexes, MongoConnection } from '@tandem/runtime';
import type { IndexDescription } from 'mongodb';
import type { ReadModelName } from './read-model-collections';

/**
 * The indexes behind the read models' queries, tenant first as every query is scoped: lists end
 * with the fields they page by, so a page is read in order; the sweeps across tenants (proposal
 * expiry, rematch) have their own.
 */
const INDEXES: Readonly<Record<ReadModelName, readonly IndexDescription[]>> = {
  programs: [
    { key: { tenantId: 1, createdAt: -1, programId: -1 } },
    { key: { tenantId: 1, 'settings.adminIds': 1 } },
  ],
  participants: [
    { key: { tenantId: 1, programId: 1, enrolledAt: 1, participantId: 1 } },
    { key: { tenantId: 1, programId: 1, userId: 1 } },
    { key: { tenantId: 1, userId: 1 } },
  ],
  relationships: [
    { key: { tenantId: 1, programId: 1, status: 1, relationshipId: 1 } },
    { key: { tenantId: 1, relationshipId: 1 } },
    { key: { tenantId: 1, mentorIds: 1, relationshipId: 1 } },
    { key: { tenantId: 1, menteeIds: 1, relationshipId: 1 } },
    { key: { tenantId: 1, programId: 1, 'rematch.status': 1, 'rematch.requestedAt': 1, relationshipId: 1 } },
    { key: { status: 1, expiresAt: 1 } },
    { key: { 'rematch.status': 1, 'rematch.requestedAt': 1, relationshipId: 1 } },
  ],
  match_runs: [{ key: { tenantId: 1, programId: 1, createdAt: -1, runId: -1 } }],
  mentors: [{ key: { tenantId: 1, userId: 1 } }],
  people: [
    { key: { tenantId: 1, userId: 1 } },
    // SCIM finds people by userName (Okta and Entra ID ask before they create) and pages by user id.
    {
      key: { tenantId: 1, userNameKey: 1 },
      unique: true,
      partialFilterExpression: { userNameKey: { $type: 'string' } },
    },
    { key: { tenantId: 1, 'entry.externalId': 1 } },
  ],
  // Read by id only.
  erasure_requests: [],
};

@Injectable()
export class ReadModelIndexes implements OnApplicationBootstrap {
  constructor(private readonly mongo: MongoConnection) {}

  onApplicationBootstrap(): Promise<void> {
    return createIndexes(this.mongo.db, INDEXES, new Logger('ReadModelIndexes'));
  }
}
