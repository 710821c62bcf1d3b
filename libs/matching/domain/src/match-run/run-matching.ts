import { assessPrepared } from '../scoring/assess-pair';
import { compiledScoringFor } from '../scoring/compiled-scoring';
import type { PreparedProfile } from '../scoring/prepared-profile';
import { scorePrepared } from '../scoring/score-pair';
import { solveAssignment, verifyCertificate, type AssignmentProblem } from '../solver';
import { compareText } from './compare-text';
import type { MatchRunInput, MatchRunResult, ProposedPair } from './match-run-types';
import { buildRunReport } from './run-report';
import { explainUnmatched } from './unmatched-reason';

/**
 * A bulk match run: the assignment with the highest total score (each mentee up to
 * `mentorsPerMentee` mentors, each mentor up to its remaining capacity, only eligible pairs at or
 * above the minimum score), proven optimal by the solver's certificate, with every pair explained.
 * Deterministic: people are taken in participantId order.
 */
export function runMatching(input: MatchRunInput): MatchRunResult {
  const { rules, context } = input;
  const scoring = compiledScoringFor(rules, context);
  const mentees = [...input.mentees].sort((a, b) => compareText(a.participantId, b.participantId));
  const mentors = [...input.mentors].sort((a, b) => compareText(a.participantId, b.participantId));
  const preparedMentees = mentees.map((m) => scoring.prepare(m));
  const preparedMentors = mentors.map((m) => ({
    prepared: scoring.prepare(m),
    capacity: Math.max(0, Math.floor(m.remainingCapacity)),
  }));

  const problem: AssignmentProblem = {
    menteeDemand: mentees.map(() => input.mentorsPerMentee),
    mentorCapacity: preparedMentors.map((m) => m.capacity),
    score: (mentee, mentor) => {
      const score = scorePrepared(
        scoring,
        preparedMentees[mentee] as PreparedProfile,
        (preparedMentors[mentor] as { prepared: PreparedProfile }).prepared,
      );
      return score !== null && score >= rules.minimumScore ? score : null;
    },
  };
  const solution = solveAssignment(problem);
  const check = verifyCertificate(problem, solution);

  const pairs = solution.pairs.map(({ mentee, mentor }): ProposedPair => {
    const menteeProfile = preparedMentees[mentee] as PreparedProfile;
    const mentorProfile = (preparedMentors[mentor] as { prepared: PreparedProfile }).prepared;
    const assessment = assessPrepared(scoring, menteeProfile, mentorProfile);
    if (!assessment.eligible) throw new Error(`The solver proposed an excluded pair (${mentee}, ${mentor})`);
    return {
      menteeId: menteeProfile.profile.participantId,
      mentorId: mentorProfile.profile.participantId,
      score: assessment.score,
      breakdown: assessment.breakdown,
    };
  });
  pairs.sort((a, b) => compareText(a.menteeId, b.menteeId) || compareText(a.mentorId, b.mentorId));

  const matchedIds = new Set(pairs.map((pair) => pair.menteeId));
  const unmatched = preparedMentees
    .filter((m) => !matchedIds.has(m.profile.participantId))
    .map((m) => explainUnmatched(scoring, m, preparedMentors));

  return {
    pairs,
    report: buildRunReport(mentees, pairs, unmatched),
    optimal: check.valid,
    certificateViolations: check.violations,
  };
}
