import { Injectable } from '@nestjs/common';
import { queryOperator } from '@tandem/auth';
import { templateResponse } from '../goal-templates/template-response';
import { Clock } from '../infrastructure/clock';
import { ReadModels } from '../infrastructure/read-model-collections';
import type { RelationshipFactsView } from '../infrastructure/views';
import { entriesOn, entryInstant, ownGoal, type PersonalData } from './personal-data-response';

type Role = 'mentor' | 'mentee';

/** Gathers what the goals service holds about one person in one tenant, for their export. */
@Injectable()
export class PersonalDataExport {
  constructor(
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
  ) {}

  async of(tenantId: string, userId: string): Promise<PersonalData> {
    const models = this.readModels.forTenant(tenantId);
    // Program facts and templates are few per tenant: a rare export reads them without an index
    // of its own rather than every write keeping one for it.
    const [asMentor, asMentee, programs, templates] = await Promise.all([
      models.relationships.find({ mentorIds: userId }).toArray(),
      models.relationships.find({ menteeIds: userId }).toArray(),
      models.programs.find({ adminIds: userId }).toArray(),
      models.templates.find({ publishedBy: userId }).toArray(),
    ]);
    const relationships = rolesByRelationship(asMentor, asMentee);
    // Only a party of a goal's relationship can own it (a mentee) or write on it (GoalAccess), so
    // the person's goals and entries are all among the goals of their relationships (indexed).
    const goals = await models.goals
      .find({ relationshipId: queryOperator({ $in: [...relationships.keys()] }) }, { sort: { goalId: 1 } })
      .toArray();
    const [goalTexts, templateTexts] = await Promise.all([
      models.goalTexts.find({ _id: queryOperator({ $in: goals.map((g) => g._id) }) }).toArray(),
      models.templateTexts.find({ _id: queryOperator({ $in: templates.map((t) => t._id) }) }).toArray(),
    ]);
    const goalTextsOf = new Map(goalTexts.map((t) => [t._id, t]));
    const templateTextsOf = new Map(templateTexts.map((t) => [t._id, t]));
    const now = this.clock.now();
    const owned = goals.filter((goal) => goal.ownerId === userId);
    const others = goals.filter((goal) => goal.ownerId !== userId);
    return {
      service: 'goals',
      userId,
      goals: owned.map((goal) =>
        ownGoal(userId, goal, goalTextsOf.get(goal._id), {
          now,
          relationshipPaused: relationships.get(goal.relationshipId)?.facts.status === 'paused',
        }),
      ),
      authoredEntries: others
        .flatMap((goal) => entriesOn(userId, goal, goalTextsOf.get(goal._id)))
        .sort((a, b) => entryInstant(a).localeCompare(entryInstant(b))),
      // A template whose text was never saved was never shown to anyone: nothing to export.
      publishedTemplates: templates
        .sort((a, b) => a.templateId.localeCompare(b.templateId))
        .flatMap((t) => {
          const text = templateTextsOf.get(t._id);
          return text ? [templateResponse(t, text)] : [];
        }),
      relationships: [...relationships.values()].map(({ facts, roles }) => ({
        relationshipId: facts.relationshipId,
        programId: facts.programId,
        status: facts.status,
        roles,
      })),
      administeredProgramIds: programs.map((p) => p.programId).sort(),
    };
  }
}

/** Each relationship once, with the person's roles in it (in id order). */
function rolesByRelationship(
  asMentor: readonly RelationshipFactsView[],
  asMentee: readonly RelationshipFactsView[],
): Map<string, { facts: RelationshipFactsView; roles: Role[] }> {
  const byId = new Map<string, { facts: RelationshipFactsView; roles: Role[] }>();
  const add = (facts: RelationshipFactsView, role: Role) => {
    const known = byId.get(facts.relationshipId);
    if (known) known.roles.push(role);
    else byId.set(facts.relationshipId, { facts, roles: [role] });
  };
  asMentor.forEach((facts) => add(facts, 'mentor'));
  asMentee.forEach((facts) => add(facts, 'mentee'));
  return new Map([...byId].sort(([a], [b]) => a.localeCompare(b)));
}
