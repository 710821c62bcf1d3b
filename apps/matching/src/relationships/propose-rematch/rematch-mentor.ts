import { DomainError } from '@tandem/kernel';
import { assessPair, pickRematchMentor, type RematchCandidate } from '@tandem/matching-domain';
import type { ParticipantView, RelationshipView } from '../../infrastructure/views';
import {
  matchingProfileOf,
  matchingRulesOf,
  scoringContextOf,
  type Roster,
} from '../../match-runs/program-roster';
import type { VisibleProgram } from '../../programs/program-access';

/**
 * The mentor a re-match proposes: the one the admin named (any enrolled mentor but a previous
 * one, which the decider refuses, and only if the pair is eligible), or the best that fits.
 */
export function rematchMentor(
  roster: Roster,
  program: VisibleProgram,
  relationship: Pick<RelationshipView, 'mentorIds' | 'menteeIds'>,
  mentorId: string | undefined,
  now: Date,
): RematchCandidate {
  const mentees = relationship.menteeIds.map((userId) => roster.mentees.find((m) => m.userId === userId));
  if (mentees.some((m) => m === undefined))
    throw new DomainError('mentee-not-enrolled', 'The mentee is no longer enrolled in this program');
  const rules = matchingRulesOf(program);
  const context = scoringContextOf(roster, now);
  const candidateOf = (mentor: ParticipantView): RematchCandidate => {
    const assessments = (mentees as ParticipantView[]).map((mentee) =>
      assessPair(matchingProfileOf(mentee), matchingProfileOf(mentor), rules, context),
    );
    return {
      participantId: mentor.participantId,
      userId: mentor.userId,
      score: assessments.reduce((sum, a) => sum + (a.eligible ? a.score : 0), 0) / assessments.length,
      eligible: assessments.every((a) => a.eligible),
      remainingCapacity: roster.remainingCapacity(mentor),
    };
  };
  if (mentorId === undefined) {
    const best = pickRematchMentor(
      roster.mentors.map(candidateOf),
      relationship.mentorIds,
      rules.minimumScore,
    );
    if (!best)
      throw new DomainError('no-mentor-available', 'No other eligible mentor with room in this program');
    return best;
  }
  const mentor = roster.mentors.find((m) => m.participantId === mentorId);
  if (!mentor) throw new DomainError('mentor-not-found', 'Mentor not found in this program', 'not-found');
  const chosen = candidateOf(mentor);
  // A previous mentor is refused by the decider, with its own code; other pairs must be eligible.
  if (!chosen.eligible && !relationship.mentorIds.includes(mentor.userId))
    throw new DomainError('pair-not-eligible', "This pair is excluded by the program's hard rules");
  return chosen;
}
