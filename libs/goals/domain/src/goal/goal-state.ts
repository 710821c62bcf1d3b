import type { EventData } from '@tandem/events';

export type GoalMeasure = EventData<'goals.goal.set'>['measure'];
export type GoalHorizon = EventData<'goals.goal.set'>['horizon'];

export interface Milestone {
  readonly milestoneId: string;
  readonly dueDate?: string;
  readonly completedBy?: string;
  readonly completedAt?: string;
}

interface GoalFacts {
  readonly goalId: string;
  readonly relationshipId: string;
  readonly programId: string;
  /** The mentee who owns the goal (a user id). */
  readonly ownerId: string;
  readonly templateId?: string;
  /** The relevance tag: a competency or organisation objective code. */
  readonly category?: string;
  readonly measure: GoalMeasure;
  readonly horizon: GoalHorizon;
  readonly targetDate: string;
  readonly setAt?: string;
  /** In the order they were added. */
  readonly milestones: readonly Milestone[];
  /** The last recorded progress, 0–100. */
  readonly progress: number;
  /** The metric's last recorded value. */
  readonly value?: number;
  readonly revisions: number;
}

export type GoalState =
  | { readonly status: 'none' }
  | (GoalFacts & { readonly status: 'open' })
  | (GoalFacts & { readonly status: 'completed'; readonly completedAt: string })
  | (GoalFacts & { readonly status: 'abandoned'; readonly abandonReason: string })
  /** Closed because its relationship ended. */
  | (GoalFacts & { readonly status: 'ended-with-relationship'; readonly closedAt: string });

export type ExistingGoal = Exclude<GoalState, { status: 'none' }>;
export type OpenGoal = Extract<GoalState, { status: 'open' }>;
