import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import type { TandemEvent } from '@tandem/events';
import { RuleViolationError, type RelationshipCommand } from '@tandem/matching-domain';
import { AggregateStore, type AppendHooks } from '../../infrastructure/aggregate-store';
import { MentorCapacity, type CapacityLimit } from '../../infrastructure/mentor-capacity';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import type { RelationshipView } from '../../infrastructure/views';
import { RelationshipAccess, type VisibleRelationship } from '../relationship-access';

/** What the caller asked for, already validated; `by` and `asAdmin` come from the token. */
export type RelationshipAction =
  | { readonly type: 'accept' }
  | { readonly type: 'decline'; readonly reason: string }
  | {
      readonly type: 'record-agreement';
      readonly sessionsPerMonth: number;
      readonly agreedUntil?: string;
      readonly texts: { scope: string; preferredChannel: string };
    }
  | { readonly type: 'pause'; readonly reason: string }
  | { readonly type: 'resume' }
  | {
      readonly type: 'end';
      readonly reason: Extract<RelationshipCommand, { type: 'end' }>['reason'];
      readonly requestRematch: boolean;
    }
  | {
      readonly type: 'submit-reflection';
      readonly rating: number;
      readonly goalsAchieved: 'yes' | 'partly' | 'no';
      readonly skillsGained: readonly string[];
      readonly wouldRecommend: boolean;
      readonly comment?: string;
    };

export class ActOnRelationship {
  constructor(
    readonly principal: Principal,
    readonly relationshipId: string,
    readonly action: RelationshipAction,
  ) {}
}

@CommandHandler(ActOnRelationship)
export class ActOnRelationshipHandler implements ICommandHandler<ActOnRelationship, RelationshipView> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly readModels: ReadModels,
    private readonly access: RelationshipAccess,
    private readonly capacity: MentorCapacity,
  ) {}

  async execute({ principal, relationshipId, action }: ActOnRelationship): Promise<RelationshipView> {
    const visible = await this.access.visible(principal, relationshipId);
    const actor = { by: principal.userId, asAdmin: visible.asAdmin };
    const now = new Date().toISOString();
    const command = commandOf(action, actor, visible, now);
    const hooks =
      action.type === 'accept' ? await this.capacityHooks(principal.tenantId, visible) : undefined;
    const handled = await this.aggregates.execute(
      'relationship',
      { tenantId: principal.tenantId, id: relationshipId, command },
      hooks,
    );
    const decided = handled.events.map((e) => e.type);
    if (
      decided.some((type) =>
        [
          'matching.relationship.ended',
          'matching.relationship.declined',
          'matching.relationship.expired',
        ].includes(type),
      )
    ) {
      await this.capacity.release(principal.tenantId, relationshipId);
    }
    if (action.type === 'accept' && decided.includes('matching.relationship.expired')) {
      throw new RuleViolationError('proposal-expired', 'This proposal has expired');
    }
    await this.saveTexts(principal, relationshipId, action);
    return await written(
      this.readModels
        .forTenant(principal)
        .relationships.findOne({ _id: documentId(principal.tenantId, relationshipId) }),
    );
  }

  /** Starting a relationship takes mentor capacity: claimed before the append, given back if it fails. */
  private async capacityHooks(
    tenantId: string,
    { relationship, program }: VisibleRelationship,
  ): Promise<AppendHooks> {
    const starts = (events: readonly TandemEvent[]) =>
      events.some((e) => e.type === 'matching.relationship.started');
    const mentorLimits = async (): Promise<{ mentorUserId: string; limits: CapacityLimit[] }[]> => {
      const participants = await this.readModels
        .forTenant(tenantId)
        .participants.find({ programId: program.programId })
        .toArray();
      return relationship.mentorIds.map((mentorUserId) => {
        const mentor = participants.find((p) => p.userId === mentorUserId && p.roles?.includes('mentor'));
        const units = program.programType === 'group' ? relationship.menteeIds.length : 1;
        const limits: CapacityLimit[] = [
          { scope: `program/${program.programId}/${mentorUserId}`, capacity: mentor?.capacity ?? 0, units },
        ];
        const overall = mentor?.profile.overallCapacity;
        if (overall !== undefined)
          limits.push({ scope: `user/${mentorUserId}`, capacity: overall, units: 1 });
        return { mentorUserId, limits };
      });
    };
    return {
      beforeAppend: async (events) => {
        if (!starts(events)) return;
        for (const { mentorUserId, limits } of await mentorLimits()) {
          try {
            await this.capacity.claim(tenantId, relationship.relationshipId, mentorUserId, limits);
          } catch (error) {
            await this.capacity.release(tenantId, relationship.relationshipId);
            throw error;
          }
        }
      },
      appendFailed: async (events) => {
        if (starts(events)) await this.capacity.release(tenantId, relationship.relationshipId);
      },
    };
  }

  /** Free text is kept out of events: saved beside the relationship, per party. */
  private async saveTexts(
    principal: Principal,
    relationshipId: string,
    action: RelationshipAction,
  ): Promise<void> {
    const relationships = this.readModels.forTenant(principal).relationships;
    const _id = documentId(principal.tenantId, relationshipId);
    if (action.type === 'record-agreement') {
      const agreement = {
        ...action.texts,
        sessionsPerMonth: action.sessionsPerMonth,
        confidentialityAcknowledged: true as const,
        ...(action.agreedUntil ? { agreedUntil: action.agreedUntil } : {}),
      };
      await relationships.updateOne({ _id }, { $set: { [`agreements.${principal.userId}`]: agreement } });
    }
    if (action.type === 'submit-reflection' && action.comment) {
      await relationships.updateOne(
        { _id },
        { $set: { [`reflectionComments.${principal.userId}`]: action.comment } },
      );
    }
  }
}

function commandOf(
  action: RelationshipAction,
  actor: { by: string; asAdmin: boolean },
  { program }: VisibleRelationship,
  now: string,
): RelationshipCommand {
  switch (action.type) {
    case 'accept':
      return { type: 'accept', ...actor, acceptance: program.settings.acceptance, now };
    case 'decline':
      return { type: 'decline', ...actor, reason: action.reason };
    case 'record-agreement':
      return {
        type: 'record-agreement',
        ...actor,
        sessionsPerMonth: action.sessionsPerMonth,
        ...(action.agreedUntil ? { agreedUntil: action.agreedUntil } : {}),
      };
    case 'pause':
      return { type: 'pause', ...actor, reason: action.reason };
    case 'resume':
      return { type: 'resume', ...actor };
    case 'end':
      return { type: 'end', ...actor, reason: action.reason, requestRematch: action.requestRematch, now };
    case 'submit-reflection': {
      const { comment: _comment, type: _type, ...reflection } = action;
      return { type: 'submit-reflection', ...actor, ...reflection };
    }
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}
