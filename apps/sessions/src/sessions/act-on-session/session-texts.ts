import { randomUUID } from 'node:crypto';
import type { Principal } from '@tandem/auth';
import { documentId, type StoredSessionView, type TenantReadModels } from '../../infrastructure/read-models';
import type { TextWrite } from '@tandem/eventstore';
import type { SessionAction } from './act-on-session.handler';

// The free text an action keeps beside the session (never in events), keyed by what its event will
// carry: the new action item's id, or the session and the participant of a feedback.

export interface TextContext {
  readonly models: TenantReadModels;
  readonly principal: Principal;
  readonly session: StoredSessionView;
  readonly actionItemId: string;
}

/** How an action's text is saved before its event and taken back if the action is refused; undefined: none. */
export function textWriteOf(action: SessionAction, context: TextContext): TextWrite | undefined {
  const { models, principal, session, actionItemId } = context;
  if (action.type === 'assign-action-item') {
    const _id = documentId(principal.tenantId, actionItemId);
    return {
      save: () =>
        models.actionItemTexts.insertOne({
          _id,
          actionItemId,
          sessionId: session.sessionId,
          text: action.text,
        }),
      discard: () => models.actionItemTexts.deleteOne({ _id }),
    };
  }
  // A second feedback is refused by the decider: its comment must not replace the first one.
  if (
    action.type === 'submit-feedback' &&
    action.comment &&
    !session.feedbackBy?.includes(principal.userId)
  ) {
    const _id = documentId(principal.tenantId, `${session.sessionId}/${principal.userId}`);
    // What an earlier request left without its event (a crash) is replaced; a refused request takes back only its own.
    const attemptId = randomUUID();
    const comment = {
      sessionId: session.sessionId,
      participantId: principal.userId,
      comment: action.comment,
      visibility: action.commentVisibility,
      attemptId,
    };
    return {
      save: () => models.feedback.updateOne({ _id }, { $set: comment }, { upsert: true }),
      discard: () => models.feedback.deleteOne({ _id, attemptId }),
    };
  }
  return undefined;
}
