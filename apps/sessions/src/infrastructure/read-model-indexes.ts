import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { IndexDescription } from 'mongodb';
import { ReadModels, type CollectionName } from './read-models';

/**
 * The indexes behind the queries of the read models beside the session views (which make their
 * own): a tenant's programs (whom a caller administers), a session's notes and feedback, and the
 * goals an agenda links. Tenant first, as every query is scoped.
 */
const INDEXES: Readonly<Partial<Record<CollectionName, readonly IndexDescription[]>>> = {
  programs: [{ key: { tenantId: 1 } }],
  notes: [{ key: { tenantId: 1, sessionId: 1 } }],
  feedback: [{ key: { tenantId: 1, sessionId: 1 } }],
  goals: [{ key: { tenantId: 1, relationshipId: 1, goalId: 1 } }],
};

@Injectable()
export class ReadModelIndexes implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReadModelIndexes');

  constructor(private readonly readModels: ReadModels) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(
      (Object.entries(INDEXES) as [CollectionName, IndexDescription[]][]).map(([name, indexes]) =>
        this.readModels.raw(name).createIndexes(indexes),
      ),
    ).catch((error: Error) => this.logger.warn(`read-model indexes not created: ${error.message}`));
  }
}
