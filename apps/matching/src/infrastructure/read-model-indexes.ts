import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { IndexDescription } from 'mongodb';
import { ReadModels, type ReadModelName } from './read-model-collections';

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
};

@Injectable()
export class ReadModelIndexes implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReadModelIndexes');

  constructor(private readonly readModels: ReadModels) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(
      (Object.entries(INDEXES) as [ReadModelName, IndexDescription[]][]).map(([name, indexes]) =>
        this.readModels.raw(name).createIndexes(indexes),
      ),
    ).catch((error: Error) => this.logger.warn(`read-model indexes not created: ${error.message}`));
  }
}
