import { Injectable } from '@nestjs/common';
import { queryOperator } from '@tandem/auth';
import { templateResponse } from '../goal-templates/template-response';
import { Clock } from '../infrastructure/clock';
import { ReadModels } from '../infrastructure/read-model-collections';
import type { RelationshipFactsView } from '../infrastructure/views';
import { partyGoalsOf } from './party-goals';
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
    const [party, programs, templates] = await Promise.all([
      partyGoalsOf(models, userId),
      models.programs.find({ adminIds: userId }).toArray(),
      models.templates.find({ publishedBy: userId }).toArray(),
    ]);
    const { goals, textsOf: goalTextsOf } = party;
    const relationships = rolesByRelationship(party.asMentor, party.asMentee);
    const templateTexts = await models.templateTexts
      .find({ _id: queryOperator({ $in: templates.map((t) => t._id) }) })
      .toArray();
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
