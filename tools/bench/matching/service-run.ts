import { callService, startBenchPlatform, type BenchPlatform } from '../load/bench-platform';
import { organisationOf, type InstanceSpec } from './bench-instance';
import { benchRules } from './generated-organisation';

// A match run as the matching service does it: a program of the bench's generated organisation,
// enrolled from CSV, run through the API (202, then its job), while /health/live is asked every
// few milliseconds. What it measures is the service's event loop during a large run.

const tenant = 'bench-matching';
const admin = { sub: 'admin', roles: ['program-admin'] };
const csvCell = (value: string) => (/[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

async function call(
  platform: BenchPlatform,
  method: string,
  path: string,
  body?: string,
  contentType?: string,
) {
  const answer = await callService(
    platform,
    'matching',
    { tenant, ...admin },
    method,
    path,
    body,
    contentType,
  );
  if (answer.status >= 400)
    throw new Error(
      `${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`,
    );
  return answer.body;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} took over ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function rosterCsv(spec: InstanceSpec): string {
  const organisation = organisationOf(spec);
  const header =
    'userId,roles,capacity,department,location,timezone,level,languages,skillsOffered,skillsSought,focusAreas';
  const rows = [
    ...organisation.mentees.map((p) => ({ profile: p, role: 'mentee', capacity: '' })),
    ...organisation.mentors.map((p, j) => ({
      profile: p,
      role: 'mentor',
      capacity: String(organisation.mentorCapacity[j]),
    })),
  ].map(({ profile, role, capacity }) =>
    [
      profile.userId,
      role,
      capacity,
      profile.department ?? '',
      profile.location ?? '',
      profile.timezone ?? '',
      String(profile.level ?? ''),
      profile.languages.join(';'),
      profile.skillsOffered.join(';'),
      profile.skillsSought.join(';'),
      profile.focusAreas.join(';'),
    ]
      .map(csvCell)
      .join(','),
  );
  return [header, ...rows].join('\n');
}

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
};
const ms = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** Runs the spec's organisation through the matching service; /health/live latencies during the run. */
export async function serviceRun(spec: InstanceSpec) {
  const platform = await startBenchPlatform(undefined, ['matching']);
  try {
    const { programId } = await call(
      platform,
      'POST',
      '/programs',
      JSON.stringify({
        name: `Bench ${spec.size} ${spec.shape}`,
        type: 'one-to-one',
        settings: {
          criteriaWeights: benchRules.criteriaWeights,
          hardRules: benchRules.hardRules,
          minimumScore: benchRules.minimumScore,
        },
      }),
      'application/json',
    );
    await call(platform, 'POST', `/programs/${programId}/open-enrolment`);
    const csv = rosterCsv(spec);
    const importStarted = Date.now();
    const accepted = await call(
      platform,
      'POST',
      `/programs/${programId}/participants/import`,
      csv,
      'text/csv',
    );
    const imported = await until(
      'the import',
      async () => {
        const job = await call(
          platform,
          'GET',
          `/programs/${programId}/participant-imports/${accepted.jobId}`,
        );
        if (job.status === 'failed' || job.status === 'cancelled') throw new Error(`import ${job.status}`);
        return job.status === 'completed' ? job : undefined;
      },
      600_000,
    );
    const importSeconds = (Date.now() - importStarted) / 1000;
    await call(platform, 'POST', `/programs/${programId}/close-enrolment`);

    const runStarted = Date.now();
    const run = await call(platform, 'POST', `/programs/${programId}/match-runs`, '{}', 'application/json');
    const jobPath = `/programs/${programId}/match-run-jobs/${run.runId}`;
    const latencies: number[] = [];
    let job = run;
    let lastPoll = 0;
    while (job.status === 'queued' || job.status === 'running') {
      const started = performance.now();
      const live = await fetch(`${platform.urls.matching}/health/live`);
      await live.arrayBuffer();
      latencies.push(performance.now() - started);
      if (Date.now() - lastPoll > 250) {
        lastPoll = Date.now();
        job = await call(platform, 'GET', jobPath);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (job.status !== 'completed') throw new Error(`the match run ${job.status}: ${job.error ?? ''}`);
    const runSeconds = (Date.now() - runStarted) / 1000;
    const result = await call(platform, 'GET', `/programs/${programId}/match-runs/${run.runId}`);
    return {
      size: spec.size,
      shape: spec.shape,
      enrolled: imported.progress.enrolled,
      importSeconds,
      // Request to completed job, as an admin polling it sees it: roster read, solve, draft stored.
      runSeconds,
      matched: result.report.matched,
      optimal: result.optimal,
      healthLive: {
        requests: latencies.length,
        p50Ms: ms(percentile(latencies, 50)),
        p99Ms: ms(percentile(latencies, 99)),
        maxMs: ms(Math.max(...latencies)),
      },
    };
  } finally {
    await platform.stop();
  }
}
