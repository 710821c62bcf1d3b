import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import {
  sessionDecider,
  type CommentVisibility,
  type SessionActor,
  type SessionCommand,
} from '@tandem/sessions-domain';
import { Clock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-models';
import { withTextFirst } from '@tandem/eventstore';
import { sessionStream, SessionViewProjection } from '../../read-models/session-view/session-view-projection';
import { SessionAccess, type VisibleSession } from '../session-access';
import { sessionResponse, type SessionResponse } from '../session-response';
import { textWriteOf } from './session-texts';

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
      readonly menteeRatings?: readonly { readonly menteeId: string; readonly rating: number }[];
      readonly comment?: string;
      readonly commentVisibility: CommentVisibility;
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

/** Runs a member's action on a session: its text (if any) first, then the event, then the read model. */
@CommandHandler(ActOnSession)
export class ActOnSessionHandler implements ICommandHandler<ActOnSession, SessionResponse> {
  constructor(
    private readonly store: EventStore,
    private readonly sessions: SessionViewProjection,
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
    const text = textWriteOf(action, {
      models: this.readModels.forTenant(principal),
      principal,
      session: visible.session,
      actionItemId,
    });
    const handled = await withTextFirst(text, () =>
      handleCommand(this.store, sessionDecider, {
        tenantId: principal.tenantId,
        streamId: sessionStream(sessionId),
        command: commandOf(action, actor, actionItemId, visible),
        expectedVersion,
      }),
    );
    const [view, details] = await Promise.all([
      this.sessions.applyAppended(principal.tenantId, sessionId, handled.events, {
        members: visible.relationship.members,
        current: visible.session,
      }),
      // No action changes the session's details: they are read beside the view's write.
      this.readModels.forTenant(principal).sessionDetails.findOne({ _id: visible.session._id }),
    ]);
    return sessionResponse(view, details);
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
        ...(action.menteeRatings === undefined ? {} : { menteeRatings: action.menteeRatings }),
        menteeIds: relationship.relationship.menteeIds,
        mentorIds: relationship.relationship.mentorIds,
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
