import { canReadComment, type CommentVisibility } from '@tandem/kernel';

// Who reads which part of a relationship's session feedback. Ratings of the session itself are
// read by everyone who sees the relationship; a rating about a person (a mentee's of the mentor,
// a mentor's of a mentee) is read one by one only by its author, and by the program's admins only
// in aggregate, so people rate candidly; a comment is read as its author chose.

export type { CommentVisibility };

export interface MenteeRating {
  readonly menteeId: string;
  readonly rating: number;
}

/** One party's feedback on one held session, as recorded (ratings from the event, the comment beside it). */
export interface FeedbackEntry {
  readonly sessionId: string;
  readonly heldAt: string;
  readonly participantId: string;
  readonly rating: number;
  readonly helpful: boolean;
  readonly mentorRating?: number;
  readonly menteeRatings?: readonly MenteeRating[];
  readonly comment?: { readonly text: string; readonly visibility: CommentVisibility };
}

/** Who reads: a party of the relationship, or an admin of its program (`asAdmin`), or both. */
export interface FeedbackReader {
  readonly userId: string;
  readonly asAdmin: boolean;
}

export type VisibleFeedback = Omit<FeedbackEntry, 'comment'> & {
  readonly comment?: string;
  readonly commentVisibility?: CommentVisibility;
};

export interface RatingAggregate {
  readonly count: number;
  readonly average: number;
}

export interface FeedbackAsSeen {
  readonly items: readonly VisibleFeedback[];
  /** The mentees' ratings of their mentor, for admins only; null for anyone else or when none. */
  readonly aboutMentor: RatingAggregate | null;
  /** The mentors' ratings of each mentee, for admins only; empty for anyone else. */
  readonly aboutMentees: readonly (RatingAggregate & { readonly menteeId: string })[];
}

/** The part of each entry `reader` may read, and the aggregates only admins see. */
export function feedbackAsSeenBy(entries: readonly FeedbackEntry[], reader: FeedbackReader): FeedbackAsSeen {
  const items = entries.map((entry) => visibleEntry(entry, reader));
  if (!reader.asAdmin) return { items, aboutMentor: null, aboutMentees: [] };
  const aboutMentor = aggregate(
    entries.flatMap((e) => (e.mentorRating === undefined ? [] : [e.mentorRating])),
  );
  const byMentee = new Map<string, number[]>();
  for (const { menteeId, rating } of entries.flatMap((e) => e.menteeRatings ?? [])) {
    byMentee.set(menteeId, [...(byMentee.get(menteeId) ?? []), rating]);
  }
  const aboutMentees = [...byMentee]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([menteeId, ratings]) => ({ menteeId, ...(aggregate(ratings) as RatingAggregate) }));
  return { items, aboutMentor, aboutMentees };
}

function visibleEntry(entry: FeedbackEntry, reader: FeedbackReader): VisibleFeedback {
  const { comment, mentorRating, menteeRatings, ...aboutTheSession } = entry;
  const own = entry.participantId === reader.userId;
  const readable = comment && canReadComment(comment.visibility, entry.participantId, reader);
  return {
    ...aboutTheSession,
    ...(own && mentorRating !== undefined ? { mentorRating } : {}),
    ...(own && menteeRatings ? { menteeRatings } : {}),
    ...(readable ? { comment: comment.text, commentVisibility: comment.visibility } : {}),
  };
}

function aggregate(ratings: readonly number[]): RatingAggregate | null {
  if (ratings.length === 0) return null;
  const average = ratings.reduce((sum, r) => sum + r, 0) / ratings.length;
  return { count: ratings.length, average: Math.round(average * 100) / 100 };
}
