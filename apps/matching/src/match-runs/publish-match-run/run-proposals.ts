import { formRelationships } from '@tandem/matching-domain';
import type { MatchRunView, ParticipantView } from '../../infrastructure/views';
import type { VisibleProgram } from '../../programs/program-access';
import { relationshipIdOf, type Proposal } from '../../relationships/relationship-proposals';

/**
 * The relationships a run proposes: one per pair, or in a group program one per mentor with their
 * mentees (the domain's `formRelationships`). Ids are derived from the run and the people, so
 * computing them again gives the same.
 */
export function proposalsOf(
  run: Pick<MatchRunView, 'runId' | 'pairs'>,
  program: Pick<VisibleProgram, 'programId' | 'programType' | 'settings'>,
  participants: readonly Pick<ParticipantView, 'participantId' | 'userId'>[],
): Proposal[] {
  const users = new Map(participants.map((p) => [p.participantId, p.userId]));
  const userOf = (participantId: string) => users.get(participantId) ?? participantId;
  return formRelationships(run.pairs, program.programType).map((relationship) => ({
    programId: program.programId,
    source: 'match-run' as const,
    runId: run.runId,
    proposalTtlDays: program.settings.proposalTtlDays,
    relationshipId: relationshipIdOf(run.runId, relationship.mentorId, relationship.menteeIds),
    mentorIds: [userOf(relationship.mentorId)],
    menteeIds: relationship.menteeIds.map(userOf),
    score: relationship.score,
  }));
}
