import type { TenantReadModels } from '../../infrastructure/read-model-collections';
import type { TextWrite } from '@tandem/eventstore';
import type { GoalTextsView } from '../../infrastructure/views';
import type { GoalAction } from './act-on-goal.handler';

// The free text an action keeps beside the goal (never in events), keyed by what its event will
// carry: the new milestone's id, or the instant and the person of a progress record or revision.

export interface TextContext {
  readonly models: TenantReadModels;
  readonly documentId: string;
  readonly by: string;
  readonly now: string;
  readonly milestoneId?: string;
}

/** A text write whose save answers the goal's texts as it left them, for the response. */
export interface GoalTextWrite extends TextWrite {
  save(): Promise<GoalTextsView | null>;
}

/** How an action's text is saved before its event and taken back if the action is refused; undefined: none. */
export function textWriteOf(action: GoalAction, context: TextContext): GoalTextWrite | undefined {
  const { models, documentId: _id, by, now: at, milestoneId } = context;
  const write = (change: object, undo: object): GoalTextWrite => ({
    save: () => models.goalTexts.findOneAndUpdate({ _id }, change, { upsert: true, returnDocument: 'after' }),
    discard: () => models.goalTexts.updateOne({ _id }, undo, { upsert: true }),
  });
  switch (action.type) {
    case 'add-milestone': {
      if (!milestoneId) return undefined;
      const field = `milestoneTitles.${milestoneId}`;
      return write({ $set: { [field]: action.title } }, { $unset: { [field]: '' } });
    }
    case 'record-progress':
      if (!action.note) return undefined;
      return write(
        { $push: { progressNotes: { at, by, note: action.note } } },
        { $pull: { progressNotes: { at, by } } },
      );
    case 'revise': {
      const wording = {
        ...(action.comment ? { comment: action.comment } : {}),
        ...(action.title ? { title: action.title } : {}),
        ...(action.description ? { description: action.description } : {}),
      };
      if (Object.keys(wording).length === 0) return undefined;
      return write(
        { $push: { revisionTexts: { at, by, ...wording } } },
        { $pull: { revisionTexts: { at, by } } },
      );
    }
    case 'complete-milestone':
    case 'complete':
    case 'abandon':
      return undefined;
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}
