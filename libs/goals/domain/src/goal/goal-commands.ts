import type { GoalHorizon, GoalMeasure } from './goal-state';

/** What the goals service knows of a relationship, from matching's events (user ids of the parties). */
export interface KnownRelationship {
  readonly relationshipId: string;
  readonly programId: string;
  readonly status: 'proposed' | 'active' | 'paused' | 'ended' | 'declined' | 'expired';
  readonly mentorIds: readonly string[];
  readonly menteeIds: readonly string[];
}

/** Fields a revision may change; title and description are free text kept by the service, named in `textFields`. */
export interface GoalRevision {
  readonly targetDate?: string;
  readonly measure?: GoalMeasure;
  readonly horizon?: GoalHorizon;
  readonly category?: string;
  readonly textFields?: readonly ('title' | 'description')[];
}

/** `by` is the acting user; `now` is the caller's clock (domain code never reads one). */
export type GoalCommand =
  | {
      readonly type: 'set';
      readonly goalId: string;
      readonly by: string;
      /** Undefined when matching's events never told us of it. */
      readonly relationship: KnownRelationship | undefined;
      readonly ownerId?: string;
      readonly templateId?: string;
      readonly category?: string;
      readonly measure: GoalMeasure;
      readonly horizon: GoalHorizon;
      readonly targetDate: string;
      readonly milestones: readonly { readonly milestoneId: string; readonly dueDate?: string }[];
      readonly now: string;
    }
  | {
      readonly type: 'revise';
      readonly by: string;
      readonly reason: string;
      readonly changes: GoalRevision;
      readonly now: string;
    }
  | {
      readonly type: 'add-milestone';
      readonly by: string;
      readonly milestoneId: string;
      readonly dueDate?: string;
      readonly now: string;
    }
  | {
      readonly type: 'complete-milestone';
      readonly by: string;
      readonly milestoneId: string;
      readonly now: string;
    }
  | {
      readonly type: 'record-progress';
      readonly by: string;
      readonly value?: number;
      readonly percent?: number;
      readonly now: string;
    }
  | { readonly type: 'complete'; readonly by: string; readonly now: string }
  | { readonly type: 'abandon'; readonly by: string; readonly reason: string }
  | { readonly type: 'close-with-relationship'; readonly now: string };
