import { Injectable } from '@nestjs/common';
import { canManageProgram, type Principal } from '@tandem/auth';
import { DomainError } from '@tandem/kernel';
import { documentId, ReadModels, type StoredGoalView } from '../infrastructure/read-model-collections';
import type { GoalTextsView, RelationshipFactsView } from '../infrastructure/views';

/** How much of a goal the principal sees: parties everything, program admins figures without private text. */
export type GoalAudience = 'party' | 'admin';

export interface VisibleGoal {
  /** As stored, so a command can project onto it without reading it again. */
  readonly goal: StoredGoalView;
  readonly texts: GoalTextsView | null;
  readonly relationship: RelationshipFactsView | undefined;
  readonly audience: GoalAudience;
}

/**
 * Mentee and mentors of a goal's relationship read and write it; its program's admins (and
 * platform admins) read it; to anyone else, in this tenant or another, it does not exist (404).
 */
@Injectable()
export class GoalAccess {
  constructor(private readonly readModels: ReadModels) {}

  async visible(principal: Principal, goalId: string): Promise<VisibleGoal> {
    const models = this.readModels.forTenant(principal);
    const _id = documentId(principal.tenantId, goalId);
    const [goal, texts] = await Promise.all([
      models.goals.findOne({ _id }),
      models.goalTexts.findOne({ _id }),
    ]);
    if (!goal) throw notFound();
    const relationship =
      (await models.relationships.findOne({ _id: documentId(principal.tenantId, goal.relationshipId) })) ??
      undefined;
    const audience = await this.audienceIn(principal, relationship, goal.programId);
    if (!audience) throw notFound();
    return { goal, texts, relationship, audience };
  }

  /** The goal if the principal may change it: a party of its relationship (403 for readers who are not). */
  async writable(principal: Principal, goalId: string): Promise<VisibleGoal> {
    const visible = await this.visible(principal, goalId);
    if (visible.audience !== 'party')
      throw new DomainError(
        'not-a-party',
        'Only the mentee and mentors of this relationship can change its goals',
        'forbidden',
      );
    return visible;
  }

  async audienceOf(
    principal: Principal,
    relationshipId: string,
    programId: string,
  ): Promise<GoalAudience | undefined> {
    const models = this.readModels.forTenant(principal);
    const relationship = await models.relationships.findOne({
      _id: documentId(principal.tenantId, relationshipId),
    });
    return this.audienceIn(principal, relationship ?? undefined, programId);
  }

  private async audienceIn(
    principal: Principal,
    relationship: RelationshipFactsView | undefined,
    programId: string,
  ): Promise<GoalAudience | undefined> {
    if (relationship && [...relationship.mentorIds, ...relationship.menteeIds].includes(principal.userId))
      return 'party';
    return (await this.manages(principal, programId)) ? 'admin' : undefined;
  }

  async manages(principal: Principal, programId: string): Promise<boolean> {
    const program = await this.readModels
      .forTenant(principal)
      .programs.findOne({ _id: documentId(principal.tenantId, programId) });
    return canManageProgram(principal, { adminIds: program?.adminIds ?? [] });
  }
}

const notFound = () => new DomainError('goal-not-found', 'Goal not found', 'not-found');
