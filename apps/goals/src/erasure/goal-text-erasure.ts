import type { Document } from 'mongodb';
import type { GoalTextsView } from '../infrastructure/views';

/** What an erased text reads from then on: the fields stay, so every answer keeps its shape. */
export const ERASED = '[erased]';

/**
 * The person's part of one goal's texts. Of a goal they own: all its wording (title, description,
 * milestone titles, the wording of every revision, whoever revised it) and the notes and revision
 * comments they wrote. Of someone else's goal: only their own notes and comments; wording they
 * gave that goal in a revision is its owner's goal text and stays.
 */
export function erasableTexts(userId: string, owned: boolean, texts: GoalTextsView): string[] {
  const wording = owned
    ? [
        texts.title,
        texts.description,
        ...Object.values(texts.milestoneTitles),
        ...texts.revisionTexts.flatMap((revision) => [revision.title, revision.description]),
      ]
    : [];
  const entries = [
    ...texts.progressNotes.filter((note) => note.by === userId).map((note) => note.note),
    ...texts.revisionTexts.filter((revision) => revision.by === userId).map((revision) => revision.comment),
  ];
  // Already erased (a redelivery): nothing left to look for.
  return [...wording, ...entries].filter((text): text is string => text !== undefined && text !== ERASED);
}

/** One update that overwrites the person's part of a goal's texts with the marker in place. */
export interface TextErasure {
  readonly update: { readonly $set: Readonly<Record<string, string>> };
  readonly arrayFilters: readonly Document[];
}

/**
 * The update erasing `erasableTexts` of one goal, or undefined when nothing is left (a
 * redelivery). Array entries are matched on the server by author or field, so an entry someone
 * adds meanwhile is neither lost nor overwritten; an array path is set only when the read found
 * an entry for it (MongoDB refuses a filtered path into a missing array) and no field is added.
 */
export function textErasureOf(userId: string, owned: boolean, texts: GoalTextsView): TextErasure | undefined {
  if (erasableTexts(userId, owned, texts).length === 0) return undefined;
  const $set: Record<string, string> = {};
  const arrayFilters: Document[] = [];
  const inEntries = (path: string, filter: Document, found: boolean) => {
    if (!found) return;
    $set[path] = ERASED;
    arrayFilters.push(filter);
  };
  inEntries(
    'progressNotes.$[note].note',
    { 'note.by': userId },
    texts.progressNotes.some((n) => n.by === userId),
  );
  inEntries(
    'revisionTexts.$[comment].comment',
    { 'comment.by': userId, 'comment.comment': { $exists: true } },
    texts.revisionTexts.some((r) => r.by === userId && r.comment !== undefined),
  );
  if (owned) {
    $set['title'] = ERASED;
    if (texts.description !== undefined) $set['description'] = ERASED;
    for (const milestoneId of Object.keys(texts.milestoneTitles))
      $set[`milestoneTitles.${milestoneId}`] = ERASED;
    inEntries(
      'revisionTexts.$[titled].title',
      { 'titled.title': { $exists: true } },
      texts.revisionTexts.some((r) => r.title !== undefined),
    );
    inEntries(
      'revisionTexts.$[described].description',
      { 'described.description': { $exists: true } },
      texts.revisionTexts.some((r) => r.description !== undefined),
    );
  }
  return { update: { $set }, arrayFilters };
}
