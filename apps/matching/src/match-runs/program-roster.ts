import { Injectable } from '@nestjs/common';
import { queryOperator } from '@tandem/auth';
import {
  previousPairsOf,
  remainingCapacity,
  type MatchingProfile,
  type MatchingRules,
  type ScoringContext,
} from '@tandem/matching-domain';
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
  /** Pairs that started in any program of the tenant (within PREVIOUS_PAIRS_LOOKBACK_DAYS if set). */
  readonly previousPairs: ReadonlySet<string>;
}

/** Days a past pair is remembered by the previously-paired rule; unset: for ever. */
export function previousPairsLookBackDays(): number | undefined {
  const days = Number(process.env['PREVIOUS_PAIRS_LOOKBACK_DAYS']);
  return Number.isFinite(days) && days > 0 ? days : undefined;
}

/** What matching needs to know about a program's people and relationships, from the read models. */
@Injectable()
export class ProgramRosters {
  constructor(private readonly readModels: ReadModels) {}

  async load(tenantId: string, program: VisibleProgram, at: Date = new Date()): Promise<Roster> {
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
    // Each person's one overall capacity, whichever program they are matched in.
    const overallCaps = new Map(
      (await models.mentors.find({ userId: queryOperator({ $in: mentorUserIds }) }).toArray()).map((m) => [
        m.userId,
        m.overallCapacity,
      ]),
    );
    const isOpen = (r: RelationshipView) => (OPEN_STATUSES as readonly string[]).includes(r.status);
    const open = relationships.filter(isOpen);
    // A pair had its chance whichever program it was in: the rule looks at the whole tenant.
    const started = await this.startedWith(
      tenantId,
      participants.map((p) => p.userId),
    );
    const count = (list: RelationshipView[], userId: string, status?: string) =>
      list
        .filter((r) => r.mentorIds.includes(userId) && (!status || r.status === status))
        .reduce((n, r) => n + (program.programType === 'group' ? r.menteeIds.length : 1), 0);
    return {
      mentees: participants.filter((p) => p.roles?.includes('mentee')),
      mentors: participants.filter((p) => p.roles?.includes('mentor')),
      relationships,
      remainingCapacity: (mentor) => {
        const overallCapacity = overallCaps.get(mentor.userId);
        return remainingCapacity({
          programCapacity: mentor.capacity ?? 0,
          programLoad: count(open, mentor.userId),
          ...(overallCapacity === undefined ? {} : { overallCapacity }),
          overallLoad: openElsewhere.filter((r) => r.mentorIds.includes(mentor.userId)).length,
        });
      },
      pendingProposals: (userId) => count(open, userId, 'proposed'),
      matchedMenteeUserIds: new Set(open.flatMap((r) => r.menteeIds)),
      previousPairs: previousPairsOf(
        started.map((r) => ({ ...r, open: isOpen(r) })),
        at,
        previousPairsLookBackDays(),
      ),
    };
  }

  /** Relationships of the tenant, in any program, that started with one of these users on either side. */
  private async startedWith(tenantId: string, userIds: string[]): Promise<RelationshipView[]> {
    const relationships = this.readModels.forTenant(tenantId).relationships;
    const startedAt = queryOperator({ $exists: true });
    const [asMentee, asMentor] = await Promise.all([
      relationships.find({ startedAt, menteeIds: queryOperator({ $in: userIds }) }).toArray(),
      relationships.find({ startedAt, mentorIds: queryOperator({ $in: userIds }) }).toArray(),
    ]);
    return [...new Map([...asMentee, ...asMentor].map((r) => [r._id, r])).values()];
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
