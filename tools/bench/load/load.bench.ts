import { startBenchPlatform, type BenchPlatform } from './bench-platform';
import { at, runOpenLoop, type LoadRoute } from './open-loop';

// Drives the command and query APIs of the four running services at a constant rate (open loop)
// with a realistic mix, beside a baseline at the same rate against a route that does no work
// (/health/live), and measures how long a command takes to show in analytics.
//   npm run bench -- load        (BENCH_RATE requests/s, default 20; BENCH_SECONDS, default 30)

const rate = Number(process.env['BENCH_RATE'] ?? 20);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 30);
const mentors = Number(process.env['BENCH_MENTORS'] ?? 15);
const tenant = `load-${Date.now()}`;
const log = (message: string) => process.stderr.write(`[load] ${message}\n`);

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

export async function main(): Promise<void> {
  log('building and starting the four services');
  const platform = await startBenchPlatform();
  try {
    const setupStarted = Date.now();
    const world = await setUp(platform);
    log(
      `set up ${world.relationships.length} relationships with goals in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`,
    );
    const baseline = await runOpenLoop(
      [
        {
          name: 'GET /health/live (baseline)',
          weight: 1,
          send: () => fetch(`${platform.urls.matching}/health/live`),
        },
      ],
      rate,
      Math.min(seconds, 10),
      random,
    );
    log(`offering ${rate} requests/s for ${seconds} s`);
    const load = await runOpenLoop(routes(platform, world), rate, seconds, random);
    log('measuring command → analytics latency');
    const endToEnd = await commandToAnalytics(platform, world, 5);
    const baselineP50 = at(baseline.perRoute, 0).p50Ms ?? 1;
    console.log(
      JSON.stringify(
        {
          benchmark: 'load',
          rate,
          seconds,
          relationships: world.relationships.length,
          baseline: at(baseline.perRoute, 0),
          load: {
            ...load,
            perRoute: load.perRoute.map((r) => ({
              ...r,
              p50VsBaseline: r.p50Ms === null ? null : Math.round((r.p50Ms / baselineP50) * 10) / 10,
            })),
          },
          heldVsOffered: Math.round((load.heldPerSecond / rate) * 100) / 100,
          commandToAnalyticsMs: endToEnd,
        },
        null,
        2,
      ),
    );
  } finally {
    await platform.stop();
  }
}

interface World {
  readonly programId: string;
  readonly relationships: { relationshipId: string; mentorId: string; menteeId: string; goalId: string }[];
}

async function call(
  platform: BenchPlatform,
  service: keyof BenchPlatform['urls'],
  method: string,
  path: string,
  as: { sub: string; roles: string[] },
  body?: unknown,
  contentType = 'application/json',
) {
  const response = await fetch(`${platform.urls[service]}/api/${service}/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await platform.token(tenant, as.sub, as.roles)}`,
      ...(body === undefined ? {} : { 'content-type': contentType }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function setUp(platform: BenchPlatform): Promise<World> {
  const admin = { sub: 'admin', roles: ['program-admin'] };
  const program = await call(
    platform,
    'matching',
    'POST',
    '/programs',
    {
      ...admin,
    },
    {
      name: 'Load test',
      type: 'one-to-one',
      settings: { acceptance: 'admin-approval', defaultMentorCapacity: 2, criteriaWeights: { skills: 100 } },
    },
  );
  const programId = program.body.programId as string;
  await call(platform, 'matching', 'POST', `/programs/${programId}/open-enrolment`, admin);
  const rows = ['userId,roles,capacity,skillsOffered,skillsSought'];
  for (let i = 0; i < mentors; i += 1) rows.push(`mentor-${i},mentor,2,coaching;negotiation,`);
  for (let i = 0; i < mentors * 2; i += 1) rows.push(`mentee-${i},mentee,,,coaching`);
  const accepted = await call(
    platform,
    'matching',
    'POST',
    `/programs/${programId}/participants/import`,
    admin,
    rows.join('\n'),
    'text/csv',
  );
  // The import is a background job (202): wait until it has enrolled everyone.
  const jobPath = `/programs/${programId}/participant-imports/${accepted.body.jobId}`;
  for (const deadline = Date.now() + 120_000; ;) {
    const job = await call(platform, 'matching', 'GET', jobPath, admin);
    if (job.body.status === 'completed') break;
    if (!['queued', 'running'].includes(job.body.status) || Date.now() > deadline)
      throw new Error(`the participant import is ${job.body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await call(platform, 'matching', 'POST', `/programs/${programId}/close-enrolment`, admin);
  const run = await call(platform, 'matching', 'POST', `/programs/${programId}/match-runs`, admin, {});
  // The run is solved in the background: wait for its job to complete before publishing it.
  for (const deadline = Date.now() + 60_000; ;) {
    const runJob = await call(
      platform,
      'matching',
      'GET',
      `/programs/${programId}/match-run-jobs/${run.body.runId}`,
      admin,
    );
    if (runJob.body.status === 'completed') break;
    if (!['queued', 'running'].includes(runJob.body.status) || Date.now() > deadline)
      throw new Error(`the match run is ${runJob.body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await call(
    platform,
    'matching',
    'POST',
    `/programs/${programId}/match-runs/${run.body.runId}/publish`,
    admin,
  );
  await call(platform, 'matching', 'POST', `/programs/${programId}/launch`, admin);
  const proposals = (
    await call(platform, 'matching', 'GET', `/relationships?programId=${programId}&limit=500`, admin)
  ).body.items as { relationshipId: string; mentorIds: string[]; menteeIds: string[] }[];
  for (const proposal of proposals)
    await call(platform, 'matching', 'POST', `/relationships/${proposal.relationshipId}/accept`, admin, {});
  const relationships: World['relationships'] = [];
  for (const proposal of proposals) {
    const mentee = { sub: at(proposal.menteeIds, 0), roles: ['participant'] };
    const goal = await retry(() =>
      call(platform, 'goals', 'POST', '/goals', mentee, {
        relationshipId: proposal.relationshipId,
        title: 'Coach a new hire',
        description: 'Coach one new hire through their first month',
        measure: { kind: 'metric', baseline: 0, target: 10, unit: 'sessions' },
        relevance: 'coaching',
        dueDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
      }),
    );
    relationships.push({
      relationshipId: proposal.relationshipId,
      mentorId: at(proposal.mentorIds, 0),
      menteeId: at(proposal.menteeIds, 0),
      goalId: goal.body.goalId,
    });
  }
  return { programId, relationships };
}

/** Services learn relationships from Kafka: retry while the relationship is unknown (at most a minute). */
async function retry(send: () => Promise<{ status: number; body: { goalId: string } }>) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await send();
    if (response.status === 201) return response;
    const unknownYet = response.status === 404 || response.status === 409;
    if (!unknownYet || Date.now() > deadline)
      throw new Error(`setting a goal answered ${response.status}: ${JSON.stringify(response.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function routes(platform: BenchPlatform, world: World): LoadRoute[] {
  const any = () => at(world.relationships, Math.floor(random() * world.relationships.length));
  const as = async (sub: string) => ({
    authorization: `Bearer ${await platform.token(tenant, sub, ['participant'])}`,
    'content-type': 'application/json',
  });
  let minutes = 0;
  return [
    {
      name: 'POST /sessions',
      weight: 30,
      send: async () => {
        const r = any();
        minutes += 1;
        const startsAt = new Date(Date.now() + 86_400_000 + minutes * 60_000).toISOString();
        return fetch(`${platform.urls.sessions}/api/sessions/v1/sessions`, {
          method: 'POST',
          headers: await as(r.menteeId),
          body: JSON.stringify({
            relationshipId: r.relationshipId,
            startsAt,
            durationMinutes: 45,
            format: 'video',
          }),
        });
      },
    },
    {
      name: 'POST /goals/:id/progress',
      weight: 20,
      send: async () => {
        const r = any();
        return fetch(`${platform.urls.goals}/api/goals/v1/goals/${r.goalId}/progress`, {
          method: 'POST',
          headers: await as(r.menteeId),
          body: JSON.stringify({ value: Math.floor(random() * 10) }),
        });
      },
    },
    {
      name: 'GET /relationships/:id',
      weight: 20,
      send: async () => {
        const r = any();
        return fetch(`${platform.urls.matching}/api/matching/v1/relationships/${r.relationshipId}`, {
          headers: await as(r.mentorId),
        });
      },
    },
    {
      name: 'GET /sessions?relationshipId',
      weight: 15,
      send: async () => {
        const r = any();
        return fetch(
          `${platform.urls.sessions}/api/sessions/v1/sessions?relationshipId=${r.relationshipId}`,
          { headers: await as(r.menteeId) },
        );
      },
    },
    {
      name: 'GET /programs/:id/summary',
      weight: 15,
      send: async () =>
        fetch(`${platform.urls.analytics}/api/analytics/v1/programs/${world.programId}/summary`, {
          headers: { authorization: `Bearer ${await platform.token(tenant, 'analyst', ['analyst'])}` },
        }),
    },
  ];
}

/** From a session marked held to the analytics summary counting it, `samples` times; ms. */
async function commandToAnalytics(platform: BenchPlatform, world: World, samples: number) {
  const analyst = { sub: 'analyst', roles: ['analyst'] };
  const heldCount = async () =>
    (await call(platform, 'analytics', 'GET', `/programs/${world.programId}/summary`, analyst)).body
      ?.sessionsHeld as number;
  const timings: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const r = at(world.relationships, i % world.relationships.length);
    const mentee = { sub: r.menteeId, roles: ['participant'] };
    const session = await call(platform, 'sessions', 'POST', '/sessions', mentee, {
      relationshipId: r.relationshipId,
      startsAt: new Date(Date.now() - 3_600_000 - i * 60_000).toISOString(),
      durationMinutes: 30,
      format: 'call',
    });
    const before = await heldCount();
    const sent = Date.now();
    await call(platform, 'sessions', 'POST', `/sessions/${session.body.sessionId}/held`, mentee, {
      attendeeIds: [r.menteeId, r.mentorId],
      actualDurationMinutes: 30,
    });
    while ((await heldCount()) <= before) {
      if (Date.now() - sent > 120_000)
        throw new Error('analytics did not count a held session within 2 minutes');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    timings.push(Date.now() - sent);
  }
  timings.sort((a, b) => a - b);
  return { samples: timings, p50: timings[Math.floor(timings.length / 2)], max: timings[timings.length - 1] };
}
