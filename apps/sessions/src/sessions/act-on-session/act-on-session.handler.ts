import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import type { SessionActor, SessionCommand } from '@tandem/sessions-domain';
import { Clock } from '../../infrastructure/clock';
import { documentId, ReadModels } from '../../infrastructure/read-models';
import { SessionStore } from '../../infrastructure/session-store';
import { SessionAccess, type VisibleSession } from '../session-access';
import { writtenSession, type SessionResponse } from '../session-response';

/** What the caller asked for, already validated; who acts comes from the token. */
export type SessionAction =
  | { readonly type: 'reschedule'; readonly startsAt: string; readonly durationMinutes?: number }
  | { readonly type: 'cancel'; readonly reason: string }
  | {
      readonly type: 'mark-held';
      readonly attendeeIds: readonly string[];
      readonly actualDurationMinutes: number;
    }
  | { readonly type: 'mark-no-show'; readonly absentIds: readonly string[] }
  | {
      readonly type: 'submit-feedback';
      readonly rating: number;
      readonly helpful?: boolean;
      readonly mentorRating?: number;
      readonly comment?: string;
    }
  | {
      readonly type: 'assign-action-item';
      readonly text: string;
      readonly assigneeId: string;
      readonly dueOn?: string;
    }
  | { readonly type: 'complete-action-item'; readonly actionItemId: string };

export class ActOnSession {
  constructor(
    readonly principal: Principal,
    readonly sessionId: string,
    readonly action: SessionAction,
    readonly expectedVersion?: number,
  ) {}
}

@CommandHandler(ActOnSession)
export class ActOnSessionHandler implements ICommandHandler<ActOnSession, SessionResponse> {
  constructor(
    private readonly sessions: SessionStore,
    private readonly access: SessionAccess,
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, sessionId, action, expectedVersion }: ActOnSession): Promise<SessionResponse> {
    const visible = await this.access.visible(principal, sessionId);
    const actor: SessionActor = {
      by: principal.userId,
      asAdmin: visible.relationship.asAdmin,
      members: visible.relationship.members,
      now: this.clock.now().toISOString(),
    };
    const actionItemId = randomUUID();
    await this.sessions.execute(
      principal.tenantId,
      sessionId,
      commandOf(action, actor, actionItemId, visible),
      expectedVersion,
    );
    await this.saveTexts(principal, visible, action, actionItemId);
    return writtenSession(this.readModels.forTenant(principal), sessionId);
  }

  /** Free text is kept out of events: saved here, after the append succeeded. */
  private async saveTexts(
    principal: Principal,
    { session }: VisibleSession,
    action: SessionAction,
    actionItemId: string,
  ): Promise<void> {
    const models = this.readModels.forTenant(principal);
    const { tenantId, userId } = principal;
    if (action.type === 'submit-feedback') {
      if (!action.comment) return;
      await models.feedback.insertOne({
        _id: documentId(tenantId, `${session.sessionId}/${userId}`),
        sessionId: session.sessionId,
        participantId: userId,
        comment: action.comment,
      });
    }
    if (action.type === 'assign-action-item') {
      await models.actionItems.updateOne(
        { _id: documentId(tenantId, actionItemId) },
        {
          $set: {
            actionItemId,
            sessionId: session.sessionId,
            relationshipId: session.relationshipId,
            assigneeId: action.assigneeId,
            text: action.text,
          },
        },
        { upsert: true },
      );
    }
  }
}

function commandOf(
  action: SessionAction,
  actor: SessionActor,
  actionItemId: string,
  { session, relationship }: VisibleSession,
): SessionCommand {
  switch (action.type) {
    case 'reschedule':
      return {
        type: 'reschedule',
        ...actor,
        startsAt: new Date(action.startsAt).toISOString(),
        durationMinutes: action.durationMinutes ?? session.durationMinutes,
      };
    case 'cancel':
      return { type: 'cancel', ...actor, reason: action.reason };
    case 'mark-held':
      return {
        type: 'mark-held',
        ...actor,
        attendeeIds: action.attendeeIds,
        actualDurationMinutes: action.actualDurationMinutes,
      };
    case 'mark-no-show':
      return { type: 'mark-no-show', ...actor, absentIds: action.absentIds };
    case 'submit-feedback':
      return {
        type: 'submit-feedback',
        ...actor,
        rating: action.rating,
        helpful: action.helpful ?? action.rating >= 4,
        ...(action.mentorRating === undefined ? {} : { mentorRating: action.mentorRating }),
        menteeIds: relationship.relationship.menteeIds,
      };
    case 'assign-action-item':
      return {
        type: 'assign-action-item',
        ...actor,
        actionItemId,
        assigneeId: action.assigneeId,
        ...(action.dueOn ? { dueOn: action.dueOn } : {}),
      };
    case 'complete-action-item':
      return { type: 'complete-action-item', ...actor, actionItemId: action.actionItemId };
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}
