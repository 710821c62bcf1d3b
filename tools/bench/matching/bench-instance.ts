import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
// eslint-disable-next-line @nx/enforce-module-boundaries -- tools (scope:shared) benchmarks the matching domain's solver and scoring
import { runScoresOf, type AssignmentProblem, type RunScoresOptions } from '@tandem/matching-domain';
import {
  generateOrganisation,
  menteesFor,
  type GeneratedOrganisation,
  type OrganisationShape,
} from './generated-organisation';

export const sizes = { '1k': 200, '10k': 2_000, '50k': 10_000 } as const;
export type SizeName = keyof typeof sizes;

export interface InstanceSpec {
  readonly size: SizeName;
  readonly shape: OrganisationShape;
  readonly seed: number;
}

export interface BuiltInstance {
  readonly problem: AssignmentProblem;
  readonly mentees: number;
  readonly mentors: number;
  /** Seconds to generate the profiles and prepare the run's scoring (runScoresOf). */
  readonly prepareSeconds: number;
}

/** The seeded organisation a spec names: the same people in every process that asks. */
export function organisationOf(spec: InstanceSpec): GeneratedOrganisation {
  const mentorCount = sizes[spec.size];
  return generateOrganisation(spec.shape, menteesFor(spec.shape, mentorCount), mentorCount, spec.seed);
}

/** The same spec always builds the same problem, in whichever process builds it. */
export function buildInstance(spec: InstanceSpec): BuiltInstance {
  const started = process.hrtime.bigint();
  const organisation = organisationOf(spec);
  const problem: AssignmentProblem = {
    menteeDemand: organisation.menteeDemand,
    mentorCapacity: organisation.mentorCapacity,
    // As the match run scores: below the program's minimum score counts as not allowed, rows are
    // scored over the mentors' columns, and each pair once for the solve and the certificate
    // check (when the cache fits).
    ...runScoresOf(organisation.mentees, organisation.mentors, organisation.rules, organisation.context, {
      scoreRowsElsewhere,
    }),
  };
  return {
    problem,
    mentees: organisation.mentees.length,
    mentors: organisation.mentors.length,
    prepareSeconds: secondsSince(started),
  };
}

/**
 * As the matching service does (MATCH_RUN_SCORING_THREADS, default cores − 1): the run's other
 * cores score its rows alongside, started when the solver asks for the first row (so inside the
 * timed solve). BENCH_SCORING_THREADS overrides the count (0: the solving thread scores alone).
 */
const scoreRowsElsewhere: RunScoresOptions['scoreRowsElsewhere'] = (job, shared) => {
  const threads = Number(process.env['BENCH_SCORING_THREADS'] ?? availableParallelism() - 1);
  const fromSource = __filename.endsWith('.ts');
  for (let k = 0; k < threads; k++)
    new Worker(path.join(__dirname, fromSource ? 'row-scoring-worker.ts' : 'row-scoring-worker.js'), {
      workerData: { job, shared },
      ...(fromSource ? { execArgv: ['--require', '@swc-node/register'] } : {}),
    }).unref();
};

export const secondsSince = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;
