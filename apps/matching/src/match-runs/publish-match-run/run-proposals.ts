import type { MatchRunView, ParticipantView } from '../../infrastructure/views';
import type { VisibleProgram } from '../../programs/program-access';
import { relationshipIdOf, type Proposal } from '../../relationships/relationship-proposals';

/**
 * The relationships a run proposes: one per pair, or in a group program one per mentor with their
 * mentees. Ids are derived from the run and the people, so computing them again gives the same.
 */
export function proposalsOf(
  run: Pick<MatchRunView, 'runId' | 'pairs'>,
  program: Pick<VisibleProgram, 'programId' | 'programType' | 'settings'>,
  participants: readonly Pick<ParticipantView, 'participantId' | 'userId'>[],
): Proposal[] {
  const users = new Map(participants.map((p) => [p.participantId, p.userId]));
  const userOf = (participantId: string) => users.get(participantId) ?? participantId;
  const base = {
    programId: program.programId,
    source: 'match-run' as const,
    runId: run.runId,
    proposalTtlDays: program.settings.proposalTtlDays,
  };
  if (program.programType !== 'group') {
    return run.pairs.map((pair) => ({
      ...base,
      relationshipId: relationshipIdOf(run.runId, pair.mentorId, [pair.menteeId]),
      mentorIds: [userOf(pair.mentorId)],
      menteeIds: [userOf(pair.menteeId)],
      score: pair.score,
    }));
  }
  const groups = new Map<string, typeof run.pairs>();
  for (const pair of run.pairs) groups.set(pair.mentorId, [...(groups.get(pair.mentorId) ?? []), pair]);
  return [...groups].map(([mentorId, pairs]) => ({
    ...base,
    relationshipId: relationshipIdOf(
      run.runId,
      mentorId,
      pairs.map((p) => p.menteeId),
    ),
    mentorIds: [userOf(mentorId)],
    menteeIds: pairs.map((p) => userOf(p.menteeId)),
    score: pairs.reduce((sum, p) => sum + p.score, 0) / pairs.length,
  }));
}
