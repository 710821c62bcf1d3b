import { queryOperator } from '@tandem/auth';
import type { StoredGoalView, TenantReadModels } from '../infrastructure/read-model-collections';
import type { GoalTextsView, RelationshipFactsView } from '../infrastructure/views';

/** The relationships a person is a party of, and the goals of those relationships with their texts. */
export interface PartyGoals {
  readonly asMentor: readonly RelationshipFactsView[];
  readonly asMentee: readonly RelationshipFactsView[];
  /** In goal id order. */
  readonly goals: readonly StoredGoalView[];
  /** By document `_id`; a goal whose text was never saved has none. */
  readonly textsOf: ReadonlyMap<string, GoalTextsView>;
}

/**
 * Where everything a person wrote on goals is. Only a party of a goal's relationship can own it (a
 * mentee) or write on it (GoalAccess), so the person's goals and entries are all among the goals of
 * their relationships (indexed), as the export and the erasure both need.
 */
export async function partyGoalsOf(models: TenantReadModels, userId: string): Promise<PartyGoals> {
  const [asMentor, asMentee] = await Promise.all([
    models.relationships.find({ mentorIds: userId }).toArray(),
    models.relationships.find({ menteeIds: userId }).toArray(),
  ]);
  const relationshipIds = [...new Set([...asMentor, ...asMentee].map((r) => r.relationshipId))];
  const goals = await models.goals
    .find({ relationshipId: queryOperator({ $in: relationshipIds }) }, { sort: { goalId: 1 } })
    .toArray();
  const texts = await models.goalTexts
    .find({ _id: queryOperator({ $in: goals.map((g) => g._id) }) })
    .toArray();
  return { asMentor, asMentee, goals, textsOf: new Map(texts.map((t) => [t._id, t])) };
}
