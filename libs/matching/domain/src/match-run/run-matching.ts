import { assessPrepared } from '../scoring/assess-pair';
import { compiledScoringFor } from '../scoring/compiled-scoring';
import type { PreparedProfile } from '../scoring/prepared-profile';
import { scorePrepared } from '../scoring/score-pair';
import { solveAssignment, verifyCertificate, type AssignmentProblem } from '../solver';
import { compareText } from './compare-text';
import { runScores, shareRunRows, type ScoreRowsElsewhere } from './run-scores';
import { checkConstraints, noConstraints, pairKey, pinnedPairs } from './draft-constraints';
import type { MatchRunInput, MatchRunOptions, MatchRunResult, ProposedPair } from './match-run-types';
import { buildRunReport } from './run-report';
import { explainUnmatched } from './unmatched-reason';

interface PreparedMentor {
  readonly prepared: PreparedProfile;
  readonly capacity: number;
}

/**
 * Everything a run decides before its solve: people in participantId order, each prepared for
 * scoring, and the pinned pairs made (a constraint that cannot hold is refused here).
 */
function prepareRun(input: MatchRunInput, scoreRowsElsewhere?: ScoreRowsElsewhere) {
  const { rules, context } = input;
  const constraints = input.constraints ?? noConstraints;
  const scoring = compiledScoringFor(rules, context);
  const removed = new Set(constraints.removed);
  const allMentees = [...input.mentees].sort((a, b) => compareText(a.participantId, b.participantId));
  const mentees = allMentees.filter((m) => !removed.has(m.participantId));
  const mentors = [...input.mentors].sort((a, b) => compareText(a.participantId, b.participantId));
  checkConstraints(
    constraints,
    new Set(allMentees.map((m) => m.participantId)),
    new Set(mentors.map((m) => m.participantId)),
  );
  // Threads that score alongside start now, to prepare the people while this thread does.
  const shared = shareRunRows(
    {
      rules,
      context,
      mentees,
      mentors,
      taken: [...new Set([...constraints.forbidden, ...constraints.pinned].map(pairKey))],
    },
    scoreRowsElsewhere,
  );
  const groupCap = rules.programType === 'group' ? (input.maxGroupSize ?? Infinity) : Infinity;
  const preparedMentees = mentees.map((m) => scoring.prepare(m));
  const preparedMentors: PreparedMentor[] = mentors.map((m) => ({
    prepared: scoring.prepare(m),
    capacity: Math.max(0, Math.floor(Math.min(m.remainingCapacity, groupCap))),
  }));
  const menteeIndex = new Map(preparedMentees.map((m, i) => [m.profile.participantId, i]));
  const mentorIndex = new Map(preparedMentors.map((m, i) => [m.prepared.profile.participantId, i]));

  const pinned = pinnedPairs(
    scoring,
    constraints.pinned.map((p) => ({
      mentee: preparedMentees[menteeIndex.get(p.menteeId) ?? -1] as PreparedProfile,
      mentor: (preparedMentors[mentorIndex.get(p.mentorId) ?? -1] as PreparedMentor).prepared,
    })),
    () => input.mentorsPerMentee,
    (mentorId) => (preparedMentors[mentorIndex.get(mentorId) ?? -1] as PreparedMentor).capacity,
  );
  return { rules, constraints, scoring, mentees, preparedMentees, preparedMentors, pinned, shared };
}

/**
 * Refuses a reviewed draft's constraints that cannot hold for these people (a pin a hard rule
 * excludes, over a mentee's demand or a mentor's capacity, a pair not in the run) without solving.
 */
export function checkRunConstraints(input: MatchRunInput): void {
  prepareRun(input);
}

/**
 * A bulk match run: the assignment with the highest total score (each mentee up to
 * `mentorsPerMentee` mentors, each mentor up to its remaining capacity, only eligible pairs at or
 * above the minimum score), proven optimal by the solver's certificate, with every pair explained.
 * A reviewed draft's constraints hold: pinned pairs are made first and the rest is solved optimally
 * around them (the certificate covers that rest), forbidden pairs are never made, removed mentees
 * are left out. Deterministic: people are taken in participantId order.
 */
export function runMatching(input: MatchRunInput, options: MatchRunOptions = {}): MatchRunResult {
  const { constraints, scoring, mentees, preparedMentees, preparedMentors, pinned, shared } = prepareRun(
    input,
    options.scoreRowsElsewhere,
  );
  const taken = new Set([...constraints.forbidden, ...pinned].map(pairKey));
  const pinsOf = (id: string, side: 'menteeId' | 'mentorId') => pinned.filter((p) => p[side] === id).length;

  // Kept once scored (a pair a hard rule excludes, below the minimum, pinned or forbidden: null),
  // for the solver, its certificate check and the explanations below.
  const scores = runScores(
    scoring,
    preparedMentees,
    preparedMentors.map((m) => m.prepared),
    taken,
    shared,
  );
  const problem: AssignmentProblem = {
    menteeDemand: preparedMentees.map(
      (m) => input.mentorsPerMentee - pinsOf(m.profile.participantId, 'menteeId'),
    ),
    mentorCapacity: preparedMentors.map(
      (m) => m.capacity - pinsOf(m.prepared.profile.participantId, 'mentorId'),
    ),
    ...scores,
  };
  const { onProgress } = options;
  const solution = solveAssignment(problem, onProgress ? { onProgress } : {});
  onProgress?.({ phase: 'certificate', done: 0, total: 1 });
  const check = verifyCertificate(problem, solution);
  onProgress?.({ phase: 'certificate', done: 1, total: 1 });

  const solved = solution.pairs.map(({ mentee, mentor }): ProposedPair => {
    const menteeProfile = preparedMentees[mentee] as PreparedProfile;
    const mentorProfile = (preparedMentors[mentor] as PreparedMentor).prepared;
    const assessment = assessPrepared(scoring, menteeProfile, mentorProfile);
    if (!assessment.eligible) throw new Error(`The solver proposed an excluded pair (${mentee}, ${mentor})`);
    return {
      menteeId: menteeProfile.profile.participantId,
      mentorId: mentorProfile.profile.participantId,
      score: assessment.score,
      breakdown: assessment.breakdown,
    };
  });
  const pairs = [...pinned, ...solved].sort(
    (a, b) => compareText(a.menteeId, b.menteeId) || compareText(a.mentorId, b.mentorId),
  );

  const matchedIds = new Set(pairs.map((pair) => pair.menteeId));
  const unmatched = preparedMentees.flatMap((m, i) =>
    matchedIds.has(m.profile.participantId)
      ? []
      : [
          // A kept score stands; a null one is scored again to tell a hard rule from a low score.
          explainUnmatched(
            scoring,
            m,
            preparedMentors,
            (j) =>
              scores.score(i, j) ??
              scorePrepared(scoring, m, (preparedMentors[j] as PreparedMentor).prepared),
          ),
        ],
  );

  return {
    pairs,
    report: buildRunReport(mentees, pairs, unmatched, input.disclosureBaselines),
    optimal: check.valid,
    certificateViolations: check.violations,
  };
}
