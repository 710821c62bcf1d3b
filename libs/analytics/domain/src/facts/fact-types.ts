// The facts analytics keeps, one per aggregate of another context. They are records of what
// happened (timestamps and figures), folded from that aggregate's events; dimensions that live in
// another aggregate (a mentee's department, a program's type) are joined when a question is asked,
// so no fact ever depends on the order in which different streams arrive.

export interface ProgramFact {
  readonly kind: 'program';
  readonly programId: string;
  readonly programType: string | null;
  readonly status: 'unknown' | 'draft' | 'enrolment-open' | 'enrolment-closed' | 'active' | 'closed';
  readonly sessionsPerMonth: number | null;
  readonly adminIds: readonly string[];
}

export interface Facets {
  readonly department?: string;
  readonly level?: string;
  readonly location?: string;
}

export interface ParticipantFact {
  readonly kind: 'participant';
  readonly participantId: string;
  readonly programId: string;
  readonly userId: string | null;
  readonly roles: readonly ('mentor' | 'mentee')[];
  readonly facets: Facets;
  readonly enrolledAt: string | null;
  readonly withdrawnAt: string | null;
}

export type RelationshipStatus =
  'unknown' | 'proposed' | 'declined' | 'expired' | 'active' | 'paused' | 'ended';

export interface RelationshipFact {
  readonly kind: 'relationship';
  readonly relationshipId: string;
  readonly programId: string;
  readonly mentorIds: readonly string[];
  readonly menteeIds: readonly string[];
  readonly status: RelationshipStatus;
  readonly proposedAt: string | null;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly endReason: string | null;
  /** From the parties' agreement; the program's setting applies without one. */
  readonly sessionsPerMonth: number | null;
  readonly reflectionRatings: readonly number[];
  /** Each party's closing reflection (absent on facts folded before outcomes were kept: refolds add it). */
  readonly reflections?: readonly ReflectionOutcome[];
}

export interface ReflectionOutcome {
  readonly participantId: string;
  readonly at: string;
  /** Absent on facts folded before it was kept here (it is in `reflectionRatings` too). */
  readonly rating?: number;
  readonly goalsAchieved?: 'yes' | 'partly' | 'no';
  readonly wouldRecommend?: boolean;
  readonly skillsGained: readonly string[];
}

export interface Rating {
  readonly participantId: string;
  readonly rating: number;
  readonly at: string;
  /** Absent on facts folded before it was kept. */
  readonly helpful?: boolean;
  /** A mentee's rating of their mentor with this feedback. */
  readonly mentorRating?: number;
  /** A mentor's ratings of their mentees with this feedback (absent on facts folded before they were kept: refolds add them). */
  readonly menteeRatings?: readonly { readonly menteeId: string; readonly rating: number }[];
}

export interface SessionFact {
  readonly kind: 'session';
  readonly sessionId: string;
  readonly relationshipId: string;
  readonly programId: string;
  readonly status: 'scheduled' | 'held' | 'cancelled' | 'no-show';
  readonly heldAt: string | null;
  readonly durationMinutes: number;
  /** One per participant: a later feedback replaces an earlier one. */
  readonly ratings: readonly Rating[];
}

export interface GoalFact {
  readonly kind: 'goal';
  readonly goalId: string;
  readonly relationshipId: string;
  readonly programId: string;
  readonly status: 'open' | 'completed' | 'abandoned' | 'closed';
  readonly setAt: string | null;
  readonly targetDate: string | null;
  readonly completedAt: string | null;
  readonly milestonesCompleted: readonly { readonly milestoneId: string; readonly at: string }[];
}

export interface CheckInFact {
  readonly kind: 'check-ins';
  readonly relationshipId: string;
  readonly programId: string;
  /** When the latest overdue check-in was expected; resolved by a session held after it. */
  readonly overdueSince: string | null;
}

export type Fact = ProgramFact | ParticipantFact | RelationshipFact | SessionFact | GoalFact | CheckInFact;
export type FactKind = Fact['kind'];
