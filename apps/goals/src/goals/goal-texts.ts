import type { GoalTextsView, GoalView, RevisionText } from '../infrastructure/views';

// Joins a goal's free text to the events it belongs to. Text without its event (a command that
// crashed before appending) has nothing to join to, so nobody ever sees it.

const sameEntry = (at: string, by: string) => (text: { at: string; by: string }) =>
  text.at === at && text.by === by;

/** The API's names of the fields a revision changed (the event names them by code), in the API's order. */
const apiFieldOfCode: Record<string, string> = {
  title: 'title',
  description: 'description',
  measure: 'measure',
  category: 'relevance',
  'target-date': 'dueDate',
  horizon: 'horizon',
};
const apiOrder = Object.values(apiFieldOfCode);
const apiFieldsOf = (codes: readonly string[]): string[] => {
  const named = new Set(codes.map((code) => apiFieldOfCode[code] ?? code));
  return [
    ...apiOrder.filter((field) => named.has(field)),
    ...[...named].filter((f) => !apiOrder.includes(f)),
  ];
};

/** The texts of a goal as of its read model: the current wording, milestone titles, notes and revision history. */
export function joinGoalTexts(goal: GoalView, texts: GoalTextsView | null | undefined) {
  let title = texts?.title;
  let description = texts?.description;
  const revisionHistory = goal.revisionRecords.map((record) => {
    const text: RevisionText | undefined = texts?.revisionTexts.find(
      sameEntry(record.revisedAt, record.revisedBy),
    );
    // What the revision replaced, so no wording is lost.
    const previous = {
      ...(text?.title ? { title } : {}),
      ...(text?.description ? { description } : {}),
    };
    if (text?.title) title = text.title;
    if (text?.description) description = text.description;
    return {
      revisedAt: record.revisedAt,
      revisedBy: record.revisedBy,
      reason: record.reason,
      changedFields: apiFieldsOf(record.changedFields),
      ...(text?.comment ? { comment: text.comment } : {}),
      previous,
    };
  });
  const progressNotes = goal.progressRecords.map((record) => {
    const note = texts?.progressNotes.find(sameEntry(record.recordedAt, record.recordedBy))?.note;
    return { ...record, ...(note ? { note } : {}) };
  });
  const milestones = goal.milestones.map((m) => ({ ...m, title: texts?.milestoneTitles[m.milestoneId] }));
  return { title, description, milestones, progressNotes, revisionHistory };
}
