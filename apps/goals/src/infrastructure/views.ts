import type { ExistingGoal, GoalHorizon, GoalMeasure, KnownRelationship } from '@tandem/goals-domain';

// Documents of the service's collections, `_id` = `<tenant>/<id>`. Read models (`goals_v2`,
// `goal_templates_v2`) are projected from events only; the free text people write (titles,
// descriptions, notes, comments) lives in its own documents (`goal_texts`, `goal_template_texts`),
// written before the event that points to it and joined by id when read.

/** A progress record as `goals.goal.progress-recorded` told it. */
export interface ProgressRecord {
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly progress: number;
  readonly value?: number;
}

/** A revision as `goals.goal.revised` told it; `changedFields` are the event's codes. */
export interface RevisionRecord {
  readonly revisedAt: string;
  readonly revisedBy: string;
  readonly reason: string;
  readonly changedFields: readonly string[];
}

/** The goal read model: the folded goal, its stream version (the ETag) and its progress and revision records. */
export type GoalView = ExistingGoal & {
  readonly tenantId: string;
  readonly version: number;
  readonly progressRecords: readonly ProgressRecord[];
  readonly revisionRecords: readonly RevisionRecord[];
};

/** A note or a revision's wording, keyed by the instant and the person its event names. */
export interface ProgressNoteText {
  readonly at: string;
  readonly by: string;
  readonly note: string;
}

export interface RevisionText {
  readonly at: string;
  readonly by: string;
  readonly comment?: string;
  readonly title?: string;
  readonly description?: string;
}

/** A goal's free text: one document per goal, written before each event it belongs to. */
export interface GoalTextsView {
  _id: string;
  tenantId: string;
  goalId: string;
  title: string;
  description?: string;
  milestoneTitles: Record<string, string>;
  progressNotes: ProgressNoteText[];
  revisionTexts: RevisionText[];
}

/** The template read model, from `goals.goal-template.published`. */
export interface GoalTemplateView {
  readonly tenantId: string;
  readonly templateId: string;
  readonly programId?: string;
  readonly category: string;
  readonly publishedBy: string;
  readonly publishedAt: string;
  readonly version: number;
}

/** What a template suggests beyond its event: its texts and the measure, horizon and milestones it proposes. */
export interface GoalTemplateTextsView {
  _id: string;
  tenantId: string;
  templateId: string;
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
