import { Injectable } from '@nestjs/common';
import { compareKeys, queryOperator } from '@tandem/auth';
import { foldProgramFacts, foldRelationshipFacts } from '@tandem/sessions-domain';
import { documentId, ReadModels, type StoredSessionView } from '../infrastructure/read-models';
import type { CalendarFeedView, RelationshipFactsView, SessionDetailsView } from '../infrastructure/views';
import { sessionResponse } from '../sessions/session-response';
import type {
  PersonalDataActionItem,
  PersonalDataCalendarFeed,
  PersonalDataFeedback,
  PersonalDataRelationship,
  PersonalDataSession,
  SessionsPersonalData,
} from './personal-data-response';

/**
 * Everything this service's read models hold about one person of a tenant. Their own free text
 * (notes, agenda items, comments) is shown; others' is not, and others appear only as ids. Action
 * item texts are shown to their assignee, as `GET /action-items` does (who wrote one is not kept).
 */
@Injectable()
export class PersonalDataCollector {
  constructor(private readonly readModels: ReadModels) {}

  async of(tenantId: string, userId: string): Promise<SessionsPersonalData> {
    const models = this.readModels.forTenant(tenantId);
    // Membership is folded from facts stored by version, which no query can reach: a tenant's
    // relationships and programs are read whole (an export is rare), as administeredProgramIds does.
    const [relationshipDocs, programDocs, notes, detailsWithOwnItems, feed] = await Promise.all([
      models.relationships.find({}).toArray(),
      models.programs.find({}).toArray(),
      models.notes.find({ authorId: userId }).toArray(),
      models.sessionDetails.find({ 'agenda.addedBy': userId }, { projection: { _id: 1 } }).toArray(),
      models.calendarFeeds.findOne({ _id: documentId(tenantId, userId) }),
    ]);
    const relationships = relationshipDocs.flatMap((doc) => relationshipOf(doc, userId) ?? []);
    const sessions = await this.sessionsOf(
      tenantId,
      userId,
      relationships.map((r) => r.relationshipId),
      detailsWithOwnItems.map((d) => d._id),
    );
    const [details, actionItems, feedback] = await Promise.all([
      models.sessionDetails.find({ _id: queryOperator({ $in: sessions.map((s) => s._id) }) }).toArray(),
      this.actionItemsOf(tenantId, userId, sessions),
      this.feedbackOf(tenantId, userId, sessions),
    ]);
    const detailsOf = new Map(details.map((d) => [d._id, d]));
    return {
      service: 'sessions',
      userId,
      relationships,
      administeredProgramIds: programDocs
        .filter((p) => foldProgramFacts(p.facts ?? {}).adminIds.includes(userId))
        .map((p) => p.programId)
        .sort(),
      sessions: sessions.map((s) => sessionOf(s, detailsOf.get(s._id), userId)),
      notes: notes
        .sort((a, b) => compareKeys([a.createdAt, a.noteId], [b.createdAt, b.noteId]))
        .map(({ noteId, sessionId, relationshipId, visibility, text, createdAt }) => ({
          noteId,
          sessionId,
          relationshipId,
          visibility,
          text,
          createdAt,
        })),
      feedback,
      actionItems,
      calendarFeed: feed ? calendarFeedOf(feed) : null,
    };
  }

  /**
   * The sessions the person is invited to (now or when their last event was applied), is assigned
   * an action item in, or added agenda items to (an admin preparing one); by start. One indexed
   * query each, as a tenant-scoped filter cannot start with `$or`.
   */
  private async sessionsOf(
    tenantId: string,
    userId: string,
    relationshipIds: readonly string[],
    withOwnAgendaItems: readonly string[],
  ): Promise<StoredSessionView[]> {
    const views = this.readModels.forTenant(tenantId).sessions;
    const found = await Promise.all([
      views.find({ relationshipId: queryOperator({ $in: [...relationshipIds] }) }).toArray(),
      views.find({ memberIds: userId }).toArray(),
      views.find({ 'actionItems.assigneeId': userId }).toArray(),
      views.find({ _id: queryOperator({ $in: [...withOwnAgendaItems] }) }).toArray(),
    ]);
    const byId = new Map(found.flat().map((s) => [s._id, s]));
    return [...byId.values()].sort((a, b) =>
      compareKeys([a.startsAt, a.sessionId], [b.startsAt, b.sessionId]),
    );
  }

  /** Every action item assigned to the person (open and completed), with its text. */
  private async actionItemsOf(
    tenantId: string,
    userId: string,
    sessions: readonly StoredSessionView[],
  ): Promise<PersonalDataActionItem[]> {
    const items = sessions.flatMap((session) =>
      session.actionItems.filter((item) => item.assigneeId === userId).map((item) => ({ item, session })),
    );
    if (items.length === 0) return [];
    const texts = await this.readModels
      .forTenant(tenantId)
      .actionItemTexts.find({
        _id: queryOperator({ $in: items.map(({ item }) => documentId(tenantId, item.actionItemId)) }),
      })
      .toArray();
    const textOf = new Map(texts.map((t) => [t.actionItemId, t.text]));
    return items.map(({ item, session }) => {
      const text = textOf.get(item.actionItemId);
      return {
        actionItemId: item.actionItemId,
        sessionId: session.sessionId,
        relationshipId: session.relationshipId,
        assigneeId: item.assigneeId,
        ...(text === undefined ? {} : { text }),
        ...(item.dueOn ? { dueOn: item.dueOn } : {}),
        ...(item.completedAt ? { completedAt: item.completedAt } : {}),
      };
    });
  }

  /**
   * The feedback the person gave: ratings from the session view, the comment joined by its id. A
   * comment whose event never happened (a crash in between) is not feedback given, as on every read.
   * Ratings others gave of the person stay with their authors (README, Feedback visibility).
   */
  private async feedbackOf(
    tenantId: string,
    userId: string,
    sessions: readonly StoredSessionView[],
  ): Promise<PersonalDataFeedback[]> {
    const given = sessions.flatMap((session) => {
      const ratings = session.feedback?.find((f) => f.participantId === userId);
      return ratings || session.feedbackBy?.includes(userId) ? [{ session, ratings }] : [];
    });
    if (given.length === 0) return [];
    const comments = await this.readModels
      .forTenant(tenantId)
      .feedback.find({
        _id: queryOperator({
          $in: given.map(({ session }) => documentId(tenantId, `${session.sessionId}/${userId}`)),
        }),
      })
      .toArray();
    const commentOf = new Map(comments.map((c) => [c.sessionId, c]));
    return given.map(({ session, ratings }) => {
      const comment = commentOf.get(session.sessionId);
      return {
        sessionId: session.sessionId,
        relationshipId: session.relationshipId,
        ...(session.heldAt ? { heldAt: session.heldAt } : {}),
        ...(ratings
          ? {
              rating: ratings.rating,
              helpful: ratings.helpful,
              ...(ratings.mentorRating === undefined ? {} : { mentorRating: ratings.mentorRating }),
              ...(ratings.menteeRatings
                ? {
                    menteeRatings: ratings.menteeRatings.map(({ menteeId, rating }) => ({
                      menteeId,
                      rating,
                    })),
                  }
                : {}),
            }
          : {}),
        ...(comment ? { comment: comment.comment, commentVisibility: comment.visibility ?? 'private' } : {}),
      };
    });
  }
}

/** The relationship as it concerns the person, or undefined when they are no mentor or mentee in it. */
function relationshipOf(doc: RelationshipFactsView, userId: string): PersonalDataRelationship | undefined {
  const known = foldRelationshipFacts(doc.facts ?? {});
  const role = known.mentorIds.includes(userId)
    ? 'mentor'
    : known.menteeIds.includes(userId)
      ? 'mentee'
      : undefined;
  if (!role || !doc.programId || known.status === 'unknown') return undefined;
  return {
    relationshipId: doc.relationshipId,
    programId: doc.programId,
    role,
    status: known.status,
    mentorIds: [...known.mentorIds],
    menteeIds: [...known.menteeIds],
    ...(known.activeSince ? { activeSince: known.activeSince } : {}),
    ...(known.agreedSessionsPerMonth === undefined
      ? {}
      : { agreedSessionsPerMonth: known.agreedSessionsPerMonth }),
  };
}

/**
 * The session as the API shows it, less what is about others: the action items (the person's own
 * are listed apart) and the text of agenda items someone else added.
 */
function sessionOf(
  view: StoredSessionView,
  details: SessionDetailsView | undefined,
  userId: string,
): PersonalDataSession {
  const { actionItems: _others, agenda, ...session } = sessionResponse(view, details);
  return {
    ...session,
    agenda: agenda.map(({ text, ...item }) => (item.addedBy === userId ? { ...item, text } : item)),
  };
}

/** Whether the person has a feed, never its secret's hash. */
const calendarFeedOf = (feed: CalendarFeedView): PersonalDataCalendarFeed => ({
  status: feed.deactivated ? 'deactivated' : 'active',
  since: feed.createdAt,
  roles: [...feed.roles],
});
