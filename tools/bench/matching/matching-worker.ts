// eslint-disable-next-line @nx/enforce-module-boundaries -- tools (scope:shared) benchmarks the matching domain's solver and scoring
import {
  greedyAssignment,
  solveAssignment,
  verifyCertificate,
  type SolvePhase,
  type SolveProgress,
} from '@tandem/matching-domain';
import { buildInstance, secondsSince, type InstanceSpec } from './bench-instance';
import { runDenseBaselines } from './dense-baselines';

// Runs in a child process per instance and job, so each peak RSS belongs to one solve only.

export type WorkerJob = { readonly kind: 'optimal' | 'baselines'; readonly spec: InstanceSpec };

const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);

function optimal(spec: InstanceSpec) {
  const instance = buildInstance(spec);
  const rssBeforeSolveMB = megabytes(process.memoryUsage().rss);
  const phases = timedPhases();
  const started = process.hrtime.bigint();
  const solution = solveAssignment(instance.problem, { onProgress: phases.onProgress });
  const phaseSeconds = phases.done();
  const totalSeconds = secondsSince(started);
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  const verifyStarted = process.hrtime.bigint();
  const check = verifyCertificate(instance.problem, solution);
  const verifySeconds = secondsSince(verifyStarted);
  // 50k×10k would score 5·10⁸ pairs again (minutes) to say what 10k×2k already shows.
  const warm = instance.mentees * instance.mentors <= 2e7 ? warmSolve(instance.problem) : null;
  return {
    mentees: instance.mentees,
    mentors: instance.mentors,
    places: instance.problem.mentorCapacity.reduce((a, b) => a + b, 0),
    demand: instance.problem.menteeDemand.reduce((a, b) => a + b, 0),
    prepareSeconds: instance.prepareSeconds,
    // Our "build scores" is the candidates pass (every pair scored once); "solve" is the flow
    // solves plus pricing, which also calls score for the pairs it cannot rule out.
    buildScoresSeconds: phaseSeconds.candidates,
    solveSeconds: phaseSeconds.solve + phaseSeconds.pricing,
    solvePhaseSeconds: phaseSeconds,
    totalSeconds,
    // What an admin waits for: scoring, solve and the certificate check, as a match run does them.
    endToEndSeconds: totalSeconds + verifySeconds,
    totalScore: solution.totalScore,
    pairs: solution.pairs.length,
    stats: solution.stats,
    peakRssMB,
    rssBeforeSolveMB,
    certificate: {
      valid: check.valid,
      violations: check.violations.slice(0, 3),
      seconds: verifySeconds,
    },
    warm,
  };
}

/**
 * The same instance solved again in the same process, as the matching service does every match
 * run after its first: the engine has compiled the solver by then. Its solve time (flow solves +
 * pricing) is timed the same way as the first solve's, and must find the same total.
 */
function warmSolve(problem: Parameters<typeof solveAssignment>[0]) {
  const phaseSeconds = timedPhases();
  const solution = solveAssignment(problem, { onProgress: phaseSeconds.onProgress });
  const seconds = phaseSeconds.done();
  return { solveSeconds: seconds.solve + seconds.pricing, totalScore: solution.totalScore };
}

function timedPhases() {
  const seconds: Record<SolvePhase, number> = { candidates: 0, solve: 0, pricing: 0 };
  let phase = null as SolvePhase | null;
  let phaseStarted = process.hrtime.bigint();
  return {
    onProgress: (progress: SolveProgress) => {
      if (progress.phase === phase) return;
      if (phase) seconds[phase] += secondsSince(phaseStarted);
      phase = progress.phase;
      phaseStarted = process.hrtime.bigint();
    },
    done: () => {
      if (phase) seconds[phase] += secondsSince(phaseStarted);
      phase = null;
      return seconds;
    },
  };
}

function baselines(spec: InstanceSpec) {
  const instance = buildInstance(spec);
  const started = process.hrtime.bigint();
  const greedy = greedyAssignment(instance.problem);
  return {
    greedy: { seconds: secondsSince(started), totalScore: greedy.totalScore, pairs: greedy.pairs.length },
    ...runDenseBaselines(instance.problem),
  };
}

export type OptimalResult = ReturnType<typeof optimal>;
export type BaselinesResult = ReturnType<typeof baselines>;

if (require.main === module) {
  const job = JSON.parse(process.argv[2] as string) as WorkerJob;
  const result = job.kind === 'optimal' ? optimal(job.spec) : baselines(job.spec);
  (process.send as (message: unknown) => void)(result);
}
