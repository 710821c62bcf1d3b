import { Injectable } from '@nestjs/common';
import { isPlatformAdmin, queryOperator, readModelPage, type Page, type Principal } from '@tandem/auth';
import type { Filter } from 'mongodb';
import { ReadModels, type StoredSessionView } from '../../infrastructure/read-models';

import { RelationshipKnowledge } from '../../relationships/relationship-knowledge';
import type { ListSessionsQuery } from '../session-schemas';

/** Which sessions a caller may list: their own, plus every session of the programs they administer. */
@Injectable()
export class SessionQueries {
  constructor(
    private readonly readModels: ReadModels,
    private readonly knowledge: RelationshipKnowledge,
  ) {}

  /** One page of the caller's sessions by start (newest first for `past`), the id breaking ties, paged in the database. */
  async list(principal: Principal, query: ListSessionsQuery, now: Date): Promise<Page<StoredSessionView>> {
    const visible = await this.visibleFilter(principal, query);
    if (visible === undefined) return { items: [] };
    const nowIso = now.toISOString();
    // Upcoming: still to happen. Past: started before now, whatever became of it.
    const when: Filter<StoredSessionView> =
      query.when === 'upcoming'
        ? { status: 'scheduled', startsAt: queryOperator({ $gte: nowIso }) }
        : query.when === 'past'
          ? { startsAt: queryOperator({ $lt: nowIso }) }
          : {};
    return readModelPage(
      this.readModels.forTenant(principal).sessions,
      { ...visible, ...when },
      { fields: ['startsAt', 'sessionId'], direction: query.when === 'past' ? -1 : 1 },
      query,
    );
  }

  /** The sessions the caller may see, as a filter; undefined when there are none. */
  private async visibleFilter(
    principal: Principal,
    query: ListSessionsQuery,
  ): Promise<Filter<StoredSessionView> | undefined> {
    const filter: Filter<StoredSessionView> = {};
    if (query.participantId) filter.memberIds = query.participantId;
    if (query.relationshipId) {
      await this.knowledge.visible(principal, query.relationshipId); // 404 for a foreign relationship
      return { ...filter, relationshipId: query.relationshipId };
    }
    if (isPlatformAdmin(principal)) return filter;
    const administered = await this.knowledge.administeredProgramIds(principal);
    const branches: Filter<StoredSessionView>[] = [];
    if (!query.participantId || query.participantId === principal.userId)
      branches.push({ memberIds: principal.userId });
    if (administered.length > 0) branches.push({ ...filter, programId: queryOperator({ $in: administered }) });
    if (branches.length <= 1) return branches[0];
    return queryOperator({ $or: branches });
  }
}
