import { queryOperator } from '@tandem/auth';
import { foldRelationshipFacts, membersOf } from '@tandem/sessions-domain';
import { documentId, type TenantReadModels } from '../infrastructure/read-models';

/** What an erased required text field holds instead, so every answer keeps its schema. */
export const ERASED_TEXT = '[erased]';

/** Where one person's free text is in this service's collections, and the texts themselves. */
export interface ErasableData {
  /** `_id`s of the session views (and details) of relationships the person is a party to. */
  readonly memberSessionIds: readonly string[];
  /** `_id`s of the texts of action items assigned to the person. */
  readonly actionItemTextIds: readonly string[];
  /** Every text about to be erased: notes, comments, agenda items, action items, locations. */
  readonly texts: readonly string[];
}

/**
 * Finds what erasure will overwrite or delete. Run again after a crash it finds less (what was
 * erased already is gone or the marker), which is fine: stored answers were shredded first.
 */
export async function findErasableData(models: TenantReadModels, userId: string): Promise<ErasableData> {
  const [notes, comments, detailsWithOwnItems, assignedIn, memberSessionIds] = await Promise.all([
    models.notes.find({ authorId: userId }, { projection: { text: 1 } }).toArray(),
    // Comments whose event never happened (a crash in between) are theirs too: found by author, not by event.
    models.feedback.find({ participantId: userId }, { projection: { comment: 1 } }).toArray(),
    models.sessionDetails.find({ 'agenda.addedBy': userId }, { projection: { agenda: 1 } }).toArray(),
    models.sessions.find({ 'actionItems.assigneeId': userId }, { projection: { actionItems: 1 } }).toArray(),
    sessionsOfParty(models, userId),
  ]);
  const actionItemTextIds = assignedIn.flatMap((session) =>
    session.actionItems
      .filter((item) => item.assigneeId === userId)
      .map((item) => documentId(models.tenantId, item.actionItemId)),
  );
  const [actionItemTexts, located] = await Promise.all([
    models.actionItemTexts.find({ _id: queryOperator({ $in: actionItemTextIds }) }).toArray(),
    models.sessionDetails
      .find(
        { _id: queryOperator({ $in: memberSessionIds }), location: queryOperator({ $exists: true }) },
        { projection: { location: 1 } },
      )
      .toArray(),
  ]);
  const texts = [
    ...notes.map((note) => note.text),
    ...comments.map((feedback) => feedback.comment),
    ...detailsWithOwnItems.flatMap((details) =>
      (details.agenda ?? []).filter((item) => item.addedBy === userId).map((item) => item.text),
    ),
    ...actionItemTexts.map((item) => item.text),
    ...located.flatMap((details) => details.location ?? []),
  ];
  return {
    memberSessionIds,
    actionItemTextIds,
    texts: [...new Set(texts)].filter((text) => text && text !== ERASED_TEXT),
  };
}

/**
 * Sessions of the relationships the person is a mentor or mentee in, by what matching told (read
 * whole and folded, as the export does: facts by version are not queryable) and by the members a
 * session view recorded.
 */
async function sessionsOfParty(models: TenantReadModels, userId: string): Promise<string[]> {
  const relationships = await models.relationships.find({}).toArray();
  const partyTo = relationships
    .filter((doc) => membersOf(foldRelationshipFacts(doc.facts ?? {})).includes(userId))
    .map((doc) => doc.relationshipId);
  const found = await Promise.all([
    models.sessions
      .find({ relationshipId: queryOperator({ $in: partyTo }) }, { projection: { _id: 1 } })
      .toArray(),
    models.sessions.find({ memberIds: userId }, { projection: { _id: 1 } }).toArray(),
  ]);
  return [...new Set(found.flat().map((session) => session._id))];
}
