import { fork } from 'node:child_process';
import path from 'node:path';
import { sizes, type InstanceSpec, type SizeName } from './bench-instance';
import { organisationShapes, type OrganisationShape } from './generated-organisation';
import type { BaselinesResult, OptimalResult, WorkerJob } from './matching-worker';
import { serviceRun } from './service-run';

function serviceRunOf(spec: InstanceSpec) {
  process.stderr.write(`matching bench: ${spec.size} ${spec.shape} through the matching service…\n`);
  return serviceRun(spec);
}

// The optimal matching solver against a greedy baseline, munkres (dense, where it fits) and
// scipy's linear_sum_assignment (dense; a pinned scipy is pip-installed when the machine has none),
// on the same seeded organisations in the same run. Our solve is timed twice: first in a fresh
// process (the engine still compiling the solver) and again warm, as in the running matching service after its first
// match run. Then, unless BENCH_SERVICE_RUN=0, the 10k uniform organisation is matched by the
// matching service itself (Kafka and MongoDB started as for the other benches), with its
// /health/live latency measured while the run executes in the same process.
//   npm run bench -- matching                      all sizes
//   BENCH_SIZES=1k,10k BENCH_SHAPES=uniform npm run bench -- matching

const withServiceRun = process.env['BENCH_SERVICE_RUN'] !== '0';
export const needsInfra = withServiceRun;

/**
 * 50k×10k scores 5·10⁸ pairs in each of the candidates pass, the certificate check and the greedy
 * baseline (minutes each), so by default it runs the hardest shape only; BENCH_SHAPES runs more.
 */
const defaultShapes: Record<SizeName, readonly OrganisationShape[]> = {
  '1k': organisationShapes,
  '10k': organisationShapes,
  '50k': ['clustered'],
};

function listFromEnv<T extends string>(name: string, known: readonly T[]): T[] | null {
  const value = process.env[name];
  if (!value) return null;
  const picked = value.split(',').map((item) => item.trim());
  const unknown = picked.filter((item) => !known.includes(item as T));
  if (unknown.length > 0)
    throw new Error(`${name}: unknown ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return picked as T[];
}

function runWorker<T>(job: WorkerJob): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'matching-worker.js'), [JSON.stringify(job)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: T | undefined;
    child.on('message', (message) => (result = message as T));
    child.on('error', reject);
    child.on('exit', (code) =>
      result !== undefined
        ? resolve(result)
        : reject(new Error(`${job.kind} worker for ${job.spec.size}/${job.spec.shape} exited with ${code}`)),
    );
  });
}

const ratio = (numerator: number, denominator: number) => Math.round((numerator / denominator) * 100) / 100;
const timed = (result: BaselinesResult['scipy']) => ('seconds' in result ? result : null);

async function runInstance(spec: InstanceSpec) {
  const optimal = await runWorker<OptimalResult>({ kind: 'optimal', spec });
  const baselines = await runWorker<BaselinesResult>({ kind: 'baselines', spec });
  const scipy = timed(baselines.scipy);
  const munkres = timed(baselines.munkres);
  return {
    size: spec.size,
    shape: spec.shape,
    seed: spec.seed,
    optimal,
    baselines,
    ratios: {
      greedyOverOptimalTotal: ratio(baselines.greedy.totalScore, optimal.totalScore),
      scipyOverOurSolveTime: scipy ? ratio(scipy.seconds, optimal.solveSeconds) : null,
      scipyOverOurWarmSolveTime:
        scipy && optimal.warm ? ratio(scipy.seconds, optimal.warm.solveSeconds) : null,
      scipyOverOurBuildAndSolveTime: scipy ? ratio(scipy.seconds, optimal.totalSeconds) : null,
      scipyOverOurEndToEndTime: scipy ? ratio(scipy.seconds, optimal.endToEndSeconds) : null,
      munkresOverOurSolveTime: munkres ? ratio(munkres.seconds, optimal.solveSeconds) : null,
    },
    sameTotalAsDense: {
      scipy: scipy ? scipy.totalScore === optimal.totalScore : null,
      munkres: munkres ? munkres.totalScore === optimal.totalScore : null,
    },
  };
}

export async function main(): Promise<void> {
  const sizeNames =
    listFromEnv('BENCH_SIZES', Object.keys(sizes) as SizeName[]) ?? (Object.keys(sizes) as SizeName[]);
  const shapes = listFromEnv('BENCH_SHAPES', organisationShapes);
  const seed = Number(process.env['BENCH_SEED'] ?? 20261122);
  const instances = [];
  for (const size of sizeNames) {
    for (const shape of shapes ?? defaultShapes[size]) {
      process.stderr.write(`matching bench: ${size} ${shape}…\n`);
      instances.push(await runInstance({ size, shape, seed }));
    }
  }
  const service = withServiceRun ? await serviceRunOf({ size: '10k', shape: 'uniform', seed }) : null;
  const largest = instances.filter((instance) => instance.size === '50k');
  const tenK = instances.filter(
    (instance) => instance.size === '10k' && instance.ratios.scipyOverOurSolveTime !== null,
  );
  console.log(
    JSON.stringify(
      {
        benchmark: 'matching',
        summary: {
          certificateValidEverywhere: instances.every((instance) => instance.optimal.certificate.valid),
          sameTotalAsScipyEverywhere: instances.every(
            (instance) => instance.sameTotalAsDense.scipy !== false,
          ),
          greedyOverOptimalTotal: Object.fromEntries(
            instances.map((instance) => [
              `${instance.size}/${instance.shape}`,
              instance.ratios.greedyOverOptimalTotal,
            ]),
          ),
          scipyOverOurSolveTime10k: Object.fromEntries(
            tenK.map((instance) => [instance.shape, instance.ratios.scipyOverOurSolveTime]),
          ),
          scipyOverOurWarmSolveTime10k: Object.fromEntries(
            tenK.map((instance) => [instance.shape, instance.ratios.scipyOverOurWarmSolveTime]),
          ),
          warmSolveFoundSameTotal: instances.every(
            (instance) =>
              (instance.optimal.warm?.totalScore ?? instance.optimal.totalScore) ===
              instance.optimal.totalScore,
          ),
          scipyOverOurBuildAndSolveTime10k: Object.fromEntries(
            tenK.map((instance) => [instance.shape, instance.ratios.scipyOverOurBuildAndSolveTime]),
          ),
          scipyOverOurEndToEndTime10k: Object.fromEntries(
            tenK.map((instance) => [instance.shape, instance.ratios.scipyOverOurEndToEndTime]),
          ),
          endToEndSeconds50k: Object.fromEntries(
            largest.map((instance) => [instance.shape, instance.optimal.endToEndSeconds]),
          ),
          serviceHealthLiveP99MsDuring10kRun: service?.healthLive.p99Ms ?? null,
          serviceRunSeconds10k: service?.runSeconds ?? null,
          peakRssMB50k: Object.fromEntries(
            largest.map((instance) => [instance.shape, instance.optimal.peakRssMB]),
          ),
        },
        instances,
        service,
      },
      null,
      2,
    ),
  );
}
