import type {
  DraftConstraints,
  EndReason,
  MatchingProfile,
  MatchRunReport,
  ProgramSettings,
  ProgramStatus,
  ProgramType,
  ProposalSource,
  ProposedPair,
  ReflectionCommentVisibility,
  RelationshipStatus,
  Weekday,
} from '@tandem/matching-domain';

// Read-model documents, one per aggregate, each kept by its own evolve (src/read-models). `version` is
// the aggregate's stream version applied last (0 = written before its first event, not visible yet);
// free text and personal data kept out of events live only here.

/** What `applyOnce` keeps on each document: the stream version applied per stream, and a revision. */
export interface Projected {
  _applied: Record<string, number>;
  /** Bumped by every write, also of free text, so a concurrent apply retries on the fresh document. */
  _revision: number;
}

export interface ProgramView extends Projected {
  _id: string;
  tenantId: string;
  programId: string;
  version: number;
  name: string;
  description?: string;
  questionLabels?: Record<string, string>;
  programType?: ProgramType;
  status?: ProgramStatus;
  settings?: ProgramSettings;
  createdAt: string;
}

export type ParticipantProfile = Omit<MatchingProfile, 'participantId' | 'userId'> & {
  overallCapacity?: number;
};

/** A person as a mentor across every program of the tenant, by user id. */
export interface MentorView extends Projected {
  _id: string;
  tenantId: string;
  userId: string;
  version: number;
  /** Their cap on relationships across programs; absent: none. */
  overallCapacity?: number;
}

/** What the directory knows of a person (free text: never in events; erasure clears it). */
export interface DirectoryEntry {
  /** The identity provider's login name (SCIM `userName`); unique in the tenant. */
  userName?: string;
  /** The identity provider's own id for the person (SCIM `externalId`). */
  externalId?: string;
  displayName?: string;
  givenName?: string;
  familyName?: string;
  email?: string;
  preferredLanguage?: string;
  timeZone?: string;
  jobTitle?: string;
  department?: string;
  /** The manager's user id. */
  managerId?: string;
  photoUrl?: string;
}

/** A person of the tenant's directory, by the user id their tokens carry. */
export interface PersonView extends Projected {
  _id: string;
  tenantId: string;
  userId: string;
  version: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  /** Written beside the events, never in them. */
  entry: DirectoryEntry;
  /** `entry.userName` as compared (lower case): unique in the tenant. */
  userNameKey?: string;
  /** Deleted through SCIM: kept (deactivated) for the programs' history, but gone for SCIM (404). */
  scimDeleted?: boolean;
  /** Erased on request: the entry is empty, and the person gone for every read (404). */
  erasedAt?: string;
}

export interface ParticipantView extends Projected {
  _id: string;
  tenantId: string;
  participantId: string;
  programId: string;
  userId: string;
  version: number;
  status?: 'enrolled' | 'withdrawn';
  roles?: ('mentor' | 'mentee')[];
  capacity?: number;
  facets?: Record<string, string>;
  profile: ParticipantProfile;
  enrolledAt: string;
}

export interface RelationshipView extends Projected {
  _id: string;
  tenantId: string;
  relationshipId: string;
  programId: string;
  version: number;
  status: RelationshipStatus;
  mentorIds: string[];
  menteeIds: string[];
  score: number;
  source: ProposalSource;
  expiresAt: string;
  runId?: string;
  acceptedBy?: string[];
  startedAt?: string;
  agreedBy?: string[];
  endReason?: EndReason;
  reflectedBy?: string[];
  /** Parties deactivated in the directory while it ran (user ids): flagged to the program's admins. */
  deactivatedParties?: string[];
  /** Per party: the agreement's free-text scope and channel, kept out of events. */
  agreements?: Record<
    string,
    {
      scope: string;
      preferredChannel: 'in-person' | 'video' | 'phone' | 'chat';
      sessionsPerMonth: number;
      confidentialityAcknowledged: true;
      agreedUntil?: string;
    }
  >;
  /** Per party: the closing reflection's free-text comment, kept out of events. */
  reflectionComments?: Record<string, string>;
  /** Per party: who reads their comment besides them (absent: private). */
  reflectionCommentVisibility?: Record<string, ReflectionCommentVisibility>;
  /** The mutual agreement's current version (replaces `agreements`, which only older relationships have). */
  agreement?: RelationshipAgreementView;
  /** A re-match the mentee asked for when it ended: `queued` until an admin proposes one. */
  rematch?: {
    status: 'queued' | 'proposed';
    requestedBy: string;
    requestedAt: string;
    newRelationshipId?: string;
  };
}

export interface RelationshipAgreementView {
  version: number;
  /** `agreed` once every party confirmed this version. */
  status: 'proposed' | 'agreed';
  proposedBy: string;
  confirmedBy: string[];
  sessionsPerMonth: number;
  channel: 'in-person' | 'video' | 'phone' | 'chat';
  confidentiality: 'pair-only' | 'pair-and-program-admins';
  agreedUntil?: string;
  availability: {
    participantId: string;
    timeZone: string;
    windows: { day: Weekday; from: string; to: string }[];
  }[];
  /** The goals of the relationship, free text kept out of events. */
  goals?: string[];
}

export interface MatchRunView extends Projected {
  _id: string;
  tenantId: string;
  runId: string;
  programId: string;
  version: number;
  status?: 'draft' | 'published';
  createdAt: string;
  createdBy: string;
  settingsUsed: {
    criteriaWeights: Record<string, number>;
    minimumScore: number;
    hardRules: ProgramSettings['hardRules'];
  };
  pairs: ProposedPair[];
  report: MatchRunReport;
  optimal: boolean;
  certificateViolations: string[];
  relationshipIds?: string[];
  /** A reviewed draft: the run it was re-solved from, and the constraints it keeps. */
  basedOnRunId?: string;
  constraints?: DraftConstraints;
}
