import type {
  MatchingProfile,
  MatchRunReport,
  ProgramSettings,
  ProgramStatus,
  ProgramType,
  ProposedPair,
  RelationshipStatus,
} from '@tandem/matching-domain';

// Read-model documents. `version` is the aggregate's stream version (0 = written before its first
// event, not visible yet); free text and personal data kept out of events live only here.

export interface ProgramView {
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

export interface ParticipantView {
  _id: string;
  tenantId: string;
  participantId: string;
  programId: string;
  userId: string;
  version: number;
  status?: 'enrolled' | 'withdrawn';
  roles?: ('mentor' | 'mentee')[];
  capacity?: number;
  profile: ParticipantProfile;
  enrolledAt: string;
}

export interface RelationshipView {
  _id: string;
  tenantId: string;
  relationshipId: string;
  programId: string;
  version: number;
  status: RelationshipStatus;
  mentorIds: string[];
  menteeIds: string[];
  score: number;
  source: string;
  expiresAt: string;
  acceptedBy?: string[];
  startedAt?: string;
  agreedBy?: string[];
  endReason?: string;
  reflectedBy?: string[];
  /** Per party: the agreement's free-text scope and channel, kept out of events. */
  agreements?: Record<
    string,
    {
      scope: string;
      preferredChannel: string;
      sessionsPerMonth: number;
      confidentialityAcknowledged: true;
      agreedUntil?: string;
    }
  >;
  /** Per party: the closing reflection's free-text comment, kept out of events. */
  reflectionComments?: Record<string, string>;
}

export interface MatchRunView {
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
}

/** One unit of a mentor's capacity, held by one relationship; `_id` uniqueness makes claims race-free. */
export interface MentorSlot {
  _id: string;
  tenantId: string;
  relationshipId: string;
  mentorUserId: string;
  claimedAt: string;
}
