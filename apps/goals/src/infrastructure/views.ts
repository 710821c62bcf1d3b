import type { GoalHorizon, GoalMeasure, KnownRelationship, Milestone } from '@tandem/goals-domain';

// Read-model documents. `version` is the aggregate's stream version; free text (titles,
// descriptions, notes, revision comments) is kept here, never in events.

export interface ProgressNote {
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly progress: number;
  readonly value?: number;
  readonly note?: string;
}

export interface RevisionEntry {
  readonly revisedAt: string;
  readonly revisedBy: string;
  readonly reason: string;
  readonly changedFields: readonly string[];
  readonly comment?: string;
  /** What the changed free-text fields said before, so no wording is lost. */
  readonly previous: { readonly title?: string; readonly description?: string };
}

export interface GoalView {
  _id: string;
  tenantId: string;
  goalId: string;
  version: number;
  status: 'open' | 'completed' | 'abandoned' | 'ended-with-relationship';
  relationshipId: string;
  programId: string;
  ownerId: string;
  templateId?: string;
  category?: string;
  measure: GoalMeasure;
  horizon: GoalHorizon;
  targetDate: string;
  setAt?: string;
  milestones: Milestone[];
  progress: number;
  value?: number;
  revisions: number;
  completedAt?: string;
  abandonReason?: string;
  closedAt?: string;
  // Free text, written by the handlers beside the snapshot.
  title?: string;
  description?: string;
  milestoneTitles?: Record<string, string>;
  progressNotes?: ProgressNote[];
  revisionHistory?: RevisionEntry[];
}

export interface GoalTemplateView {
  _id: string;
  tenantId: string;
  templateId: string;
  programId: string;
  category: string;
  version: number;
  publishedBy: string;
  publishedAt: string;
  title: string;
  description?: string;
  horizon?: GoalHorizon;
  suggestedMeasure: GoalMeasure;
  milestones: { title: string }[];
}

/** A relationship as matching's events described it (parties are user ids). */
export interface RelationshipFactsView extends KnownRelationship {
  _id: string;
  tenantId: string;
}

/** A program's admins (user ids), from matching's program events. */
export interface ProgramFactsView {
  _id: string;
  tenantId: string;
  programId: string;
  adminIds: string[];
}
