import { Injectable } from '@nestjs/common';
import {
  compareKeys,
  isPlatformAdmin,
  paginate,
  queryOperator,
  type Page,
  type PageKey,
  type Principal,
} from '@tandem/auth';
import { DomainError } from '@tandem/kernel';
import type { Filter } from 'mongodb';
import { Clock } from '../../infrastructure/clock';
import { documentId, ReadModels, type StoredGoalView } from '../../infrastructure/read-model-collections';
import type { GoalTextsView, RelationshipFactsView } from '../../infrastructure/views';
import { GoalAccess, type GoalAudience } from '../goal-access';
import type { ListGoalsQuery } from '../goal-schemas';
import { goalResponse, type GoalResponse } from '../goal-response';

/** Goals are listed by due date, then id. */
const keyOf = (goal: GoalResponse): PageKey => [goal.dueDate, goal.goalId];

/** Goals of a relationship, of a participant or of a program, each shown as its reader may see it. */
@Injectable()
export class GoalListing {
  constructor(
    private readonly readModels: ReadModels,
    private readonly access: GoalAccess,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: ListGoalsQuery): Promise<Page<GoalResponse>> {
    const candidates = await this.candidates(principal, query);
    const models = this.readModels.forTenant(principal);
    const relationshipIds = [...new Set(candidates.map((g) => g.relationshipId))];
    const relationships = await models.relationships
      .find({ relationshipId: queryOperator({ $in: relationshipIds }) })
      .toArray();
    const byId = new Map<string, RelationshipFactsView>(relationships.map((r) => [r.relationshipId, r]));
    const texts = await models.goalTexts
      .find({ _id: queryOperator({ $in: candidates.map((g) => g._id) }) })
      .toArray();
    const textsOf = new Map<string, GoalTextsView>(texts.map((t) => [t._id, t]));
    const audiences = new Map<string, GoalAudience | undefined>();
    const now = this.clock.now();
    const items: GoalResponse[] = [];
    for (const goal of candidates) {
      const key = `${goal.relationshipId}/${goal.programId}`;
      if (!audiences.has(key))
        audiences.set(key, await this.access.audienceOf(principal, goal.relationshipId, goal.programId));
      const audience = audiences.get(key);
      if (!audience) continue;
      const response = goalResponse(goal, textsOf.get(goal._id), audience, {
        now,
        relationshipPaused: byId.get(goal.relationshipId)?.status === 'paused',
      });
      if (!query.status || response.status === query.status) items.push(response);
    }
    // Paged in memory: the status filter is derived at `now`, so the database cannot apply it.
    items.sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
    return paginate(items, query, keyOf);
  }

  /** The goals the query names, before visibility; a program is for its admins only. */
  private async candidates(principal: Principal, query: ListGoalsQuery): Promise<StoredGoalView[]> {
    const models = this.readModels.forTenant(principal);
    // Built up field by field from the query (the view's own fields are read-only).
    const filter: Record<string, unknown> = {};
    if (query.programId) {
      const known = await models.programs.findOne({ _id: documentId(principal.tenantId, query.programId) });
      if (!known && !isPlatformAdmin(principal))
        throw new DomainError('program-not-found', 'Program not found', 'not-found');
      if (!(await this.access.manages(principal, query.programId)))
        throw new DomainError(
          'not-a-program-admin',
          'Only an admin of this program can list its goals',
          'forbidden',
        );
      filter.programId = query.programId;
    }
    if (query.relationshipId) {
      const relationship = await models.relationships.findOne({
        _id: documentId(principal.tenantId, query.relationshipId),
      });
      if (
        !relationship ||
        !(await this.access.audienceOf(principal, relationship.relationshipId, relationship.programId))
      ) {
        throw new DomainError('relationship-not-found', 'Relationship not found', 'not-found');
      }
      filter.relationshipId = query.relationshipId;
    }
    if (query.participantId || (!query.programId && !query.relationshipId)) {
      const participantId = query.participantId ?? principal.userId;
      const theirs = await Promise.all([
        models.relationships.find({ mentorIds: participantId }).toArray(),
        models.relationships.find({ menteeIds: participantId }).toArray(),
      ]);
      const ids = theirs.flat().map((r) => r.relationshipId);
      if (query.relationshipId && !ids.includes(query.relationshipId)) return [];
      if (!query.relationshipId) filter.relationshipId = queryOperator({ $in: ids });
    }
    return models.goals.find(filter as Filter<StoredGoalView>).toArray();
  }
}
