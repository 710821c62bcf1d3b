import type { TandemEvent } from '@tandem/events';
import { DomainError, type Decider } from '@tandem/kernel';

export type TemplateEvent = Extract<TandemEvent, { type: 'goals.goal-template.published' }>;

/** A published template is immutable: a changed one is published under a new id. */
export type GoalTemplateState =
  | { readonly status: 'none' }
  | {
      readonly status: 'published';
      readonly templateId: string;
      readonly programId?: string;
      readonly category: string;
    };

export interface PublishTemplate {
  readonly type: 'publish';
  readonly templateId: string;
  readonly programId: string;
  /** The competency the template develops. */
  readonly category: string;
  readonly by: string;
}

export const goalTemplateDecider: Decider<PublishTemplate, TemplateEvent, GoalTemplateState> = {
  initialState: (): GoalTemplateState => ({ status: 'none' }),

  evolve(state: GoalTemplateState, event: TemplateEvent): GoalTemplateState {
    const { templateId, programId, category } = event.data;
    return state.status === 'none'
      ? { status: 'published', templateId, category, ...(programId ? { programId } : {}) }
      : state;
  },

  decide(command: PublishTemplate, state: GoalTemplateState): TemplateEvent[] {
    if (state.status !== 'none')
      throw new DomainError('template-exists', `Template ${command.templateId} already exists`);
    const { templateId, programId, category, by } = command;
    return [
      { type: 'goals.goal-template.published', data: { templateId, programId, category, publishedBy: by } },
    ];
  },
};
