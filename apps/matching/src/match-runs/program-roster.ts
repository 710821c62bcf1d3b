import { Injectable } from '@nestjs/common';
import { queryOperator } from '@tandem/auth';
import type { MatchingProfile, MatchingRules, ScoringContext } from '@tandem/matching-domain';
import { ReadModels } from '../infrastructure/read-model-collections';
import type { ParticipantView, RelationshipView } from '../infrastructure/views';
import type { VisibleProgram } from '../programs/program-access';

/** Relationships that hold a mentor's capacity: proposed, running or paused. */
export const OPEN_STATUSES = ['proposed', 'active', 'paused'] as const;

export interface Roster {
  readonly mentees: ParticipantView[];
  readonly mentors: ParticipantView[];
  readonly relationships: RelationshipView[];
  /** Per mentor user: capacity left in this program and overall, the smaller of the two. */
  remainingCapacity(mentor: ParticipantView): number;
  /** Proposals waiting for an answer, per mentor user (for spreading suggestions). */
  pendingProposals(mentorUserId: string): number;
  /** Mentee users with an open relationship in this program. */
  readonly matchedMenteeUserIds: ReadonlySet<string>;
  readonly previousPairs: ReadonlySet<string>;
}

/** What matching needs to know about a program's people and relationships, from the read models. */
@Injectable()
export class ProgramRosters {
  constructor(private readonly readModels: ReadModels) {}

  async load(tenantId: string, program: VisibleProgram): Promise<Roster> {
    const models = this.readModels.forTenant(tenantId);
    const participants = (
      await models.participants.find({ programId: program.programId, status: 'enrolled' }).toArray()
    ).sort(byParticipantId);
    const relationships = await models.relationships.find({ programId: program.programId }).toArray();
    const mentorUserIds = participants.filter((p) => p.roles?.includes('mentor')).map((p) => p.userId);
    // Load across every program, for the overall caps.
    const openElsewhere = await models.relationships
      .find({
        status: queryOperator({ $in: [...OPEN_STATUSES] }),
        mentorIds: queryOperator({ $in: mentorUserIds }),
      })
      .toArray();
    const open = relationships.filter((r) => (OPEN_STATUSES as readonly string[]).includes(r.status));
    const count = (list: RelationshipView[], userId: string, status?: string) =>
      list
        .filter((r) => r.mentorIds.includes(userId) && (!status || r.status === status))
        .reduce((n, r) => n + (program.programType === 'group' ? r.menteeIds.length : 1), 0);
    return {
      mentees: participants.filter((p) => p.roles?.includes('mentee')),
      mentors: participants.filter((p) => p.roles?.includes('mentor')),
      relationships,
      remainingCapacity: (mentor) => {
        const inProgram = (mentor.capacity ?? 0) - count(open, mentor.userId);
        const overall =
          mentor.profile.overallCapacity === undefined
            ? Infinity
            : mentor.profile.overallCapacity -
              openElsewhere.filter((r) => r.mentorIds.includes(mentor.userId)).length;
        return Math.max(0, Math.min(inProgram, overall));
      },
      pendingProposals: (userId) => count(open, userId, 'proposed'),
      matchedMenteeUserIds: new Set(open.flatMap((r) => r.menteeIds)),
      previousPairs: new Set(
        relationships
          .filter((r) => r.startedAt)
          .flatMap((r) =>
            r.menteeIds.flatMap((mentee) => r.mentorIds.map((mentor) => `${mentee}|${mentor}`)),
          ),
      ),
    };
  }
}

export function matchingProfileOf(participant: ParticipantView): MatchingProfile {
  const { overallCapacity: _overall, ...profile } = participant.profile;
  return { ...profile, participantId: participant.participantId, userId: participant.userId };
}

export function matchingRulesOf(
  program: VisibleProgram,
  overrides: Partial<Pick<MatchingRules, 'criteriaWeights' | 'minimumScore' | 'hardRules'>> = {},
): MatchingRules {
  const { settings } = program;
  return {
    programType: program.programType,
    criteriaWeights: overrides.criteriaWeights ?? settings.criteriaWeights,
    hardRules: overrides.hardRules ?? settings.hardRules,
    questions: settings.questions,
    minimumScore: overrides.minimumScore ?? settings.minimumScore,
  };
}

export function scoringContextOf(roster: Roster, at: Date): ScoringContext {
  return { previousPairs: roster.previousPairs, at };
}

const byParticipantId = (a: ParticipantView, b: ParticipantView) =>
  a.participantId.localeCompare(b.participantId);
