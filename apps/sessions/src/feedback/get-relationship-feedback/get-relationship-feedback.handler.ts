import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { compareKeys, paginate, queryOperator, type Principal } from '@tandem/auth';
import { feedbackAsSeenBy, type FeedbackEntry, type VisibleFeedback } from '@tandem/sessions-domain';
import { ReadModels } from '../../infrastructure/read-models';
import { RelationshipKnowledge } from '../../relationships/relationship-knowledge';
import {
  relationshipFeedbackResponse,
  type RelationshipFeedbackQuery,
  type RelationshipFeedbackResponse,
} from './relationship-feedback-response';

export class GetRelationshipFeedback {
  constructor(
    readonly principal: Principal,
    readonly relationshipId: string,
    readonly query: RelationshipFeedbackQuery,
  ) {}
}

/** Joins the ratings (session read model) with their comments (side store), then applies who reads what. */
@QueryHandler(GetRelationshipFeedback)
export class GetRelationshipFeedbackHandler implements IQueryHandler<
  GetRelationshipFeedback,
  RelationshipFeedbackResponse
> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly knowledge: RelationshipKnowledge,
  ) {}

  async execute({ principal, relationshipId, query }: GetRelationshipFeedback) {
    const { asAdmin } = await this.knowledge.visible(principal, relationshipId); // 404 to anyone else
    const models = this.readModels.forTenant(principal);
    const sessions = await models.sessions.find({ relationshipId, status: 'held' }).toArray();
    const sessionIds = sessions.map((s) => s.sessionId);
    const comments = await models.feedback.find({ sessionId: queryOperator({ $in: sessionIds }) }).toArray();
    const commentOf = new Map(comments.map((c) => [`${c.sessionId}/${c.participantId}`, c]));
    const entries: FeedbackEntry[] = sessions.flatMap((s) =>
      (s.feedback ?? []).map((ratings) => {
        const comment = commentOf.get(`${s.sessionId}/${ratings.participantId}`);
        return {
          ...ratings,
          sessionId: s.sessionId,
          heldAt: s.heldAt ?? s.startsAt,
          ...(comment
            ? { comment: { text: comment.comment, visibility: comment.visibility ?? 'private' } }
            : {}),
        };
      }),
    );
    const keyOf = (f: VisibleFeedback) => [f.heldAt, f.sessionId, f.participantId];
    const seen = feedbackAsSeenBy(entries, { userId: principal.userId, asAdmin });
    const sorted = [...seen.items].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
    return relationshipFeedbackResponse(relationshipId, seen, paginate(sorted, query, keyOf));
  }
}
