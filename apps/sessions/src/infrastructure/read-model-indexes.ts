import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { createIndexes, MongoConnection } from '@tandem/runtime';
import type { IndexDescription } from 'mongodb';
import type { CollectionName } from './read-models';

/**
 * The indexes behind the queries of the read models beside the session views (which make their
 * own): a tenant's programs (whom a caller administers), a session's notes and feedback, and the
 * goals an agenda links; for a person's personal data and its erasure, a tenant's relationships,
 * the notes they wrote, the feedback they gave and the agendas they added to. Tenant first, as every query is scoped.
 */
const INDEXES: Readonly<Partial<Record<CollectionName, readonly IndexDescription[]>>> = {
  programs: [{ key: { tenantId: 1 } }],
  relationships: [{ key: { tenantId: 1 } }],
  notes: [{ key: { tenantId: 1, sessionId: 1 } }, { key: { tenantId: 1, authorId: 1 } }],
  feedback: [{ key: { tenantId: 1, sessionId: 1 } }, { key: { tenantId: 1, participantId: 1 } }],
  goals: [{ key: { tenantId: 1, relationshipId: 1, goalId: 1 } }],
  session_details: [{ key: { tenantId: 1, 'agenda.addedBy': 1 } }],
};

@Injectable()
export class ReadModelIndexes implements OnApplicationBootstrap {
  constructor(private readonly mongo: MongoConnection) {}

  onApplicationBootstrap(): Promise<void> {
    return createIndexes(this.mongo.db, INDEXES, new Logger('ReadModelIndexes'));
  }
}
