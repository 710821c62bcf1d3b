import { Injectable } from '@nestjs/common';
import {
  compareKeys,
  isPlatformAdmin,
  paginate,
  queryOperator,
  type Page,
  type Principal,
} from '@tandem/auth';
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

  /** One page of the caller's sessions by start (newest first for `past`), the id breaking ties. */
  async list(principal: Principal, query: ListSessionsQuery, now: Date): Promise<Page<StoredSessionView>> {
    const sessions = await this.visibleSessions(principal, query);
    const nowIso = now.toISOString();
    const upcoming = (s: StoredSessionView) => s.status === 'scheduled' && s.startsAt >= nowIso;
    // Upcoming: still to happen. Past: started before now, whatever became of it.
    const chosen = sessions.filter(
      (s) => query.when === 'all' || (query.when === 'upcoming' ? upcoming(s) : s.startsAt < nowIso),
    );
    const descending = query.when === 'past';
    const keyOf = (s: StoredSessionView) => [s.startsAt, s.sessionId];
    chosen.sort((a, b) => (descending ? -1 : 1) * compareKeys(keyOf(a), keyOf(b)));
    return paginate(chosen, query, keyOf, descending);
  }

  private async visibleSessions(
    principal: Principal,
    query: ListSessionsQuery,
  ): Promise<StoredSessionView[]> {
    const sessions = this.readModels.forTenant(principal).sessions;
    const filter: Filter<StoredSessionView> = {};
    if (query.participantId) filter.memberIds = query.participantId;
    if (query.relationshipId) {
      await this.knowledge.visible(principal, query.relationshipId); // 404 for a foreign relationship
      return sessions.find({ ...filter, relationshipId: query.relationshipId }).toArray();
    }
    if (isPlatformAdmin(principal)) return sessions.find(filter).toArray();
    const administered = await this.knowledge.administeredProgramIds(principal);
    const [own, ofPrograms] = await Promise.all([
      query.participantId && query.participantId !== principal.userId
        ? []
        : sessions.find({ memberIds: principal.userId }).toArray(),
      administered.length === 0
        ? []
        : sessions.find({ ...filter, programId: queryOperator({ $in: administered }) }).toArray(),
    ]);
    return [...new Map([...own, ...ofPrograms].map((s) => [s.sessionId, s])).values()];
  }
}
