import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { callService, startBenchPlatform, type BenchPlatform } from '../load/bench-platform';

// Rows per second of a CSV import (POST …/participants/import → the background job completes),
// beside raw `insertMany` of as many documents of the same size in the same run (the ceiling of
// writing one commit per row), and beside enrolling rows one request at a time (the old way).
//   npm run bench -- import      (BENCH_ROWS, default 10,000; BENCH_ONE_BY_ONE, default 200)
// The service's outbox relay publishes the new events to Kafka meanwhile, on the same machine;
// OUTBOX_RELAY_ENABLED=false shows the import alone.

const rows = Number(process.env['BENCH_ROWS'] ?? 10_000);
const oneByOneRows = Number(process.env['BENCH_ONE_BY_ONE'] ?? 200);
const tenant = `import-${Date.now()}`;
const admin = { sub: 'admin', roles: ['program-admin'] };
const log = (message: string) => process.stderr.write(`[import] ${message}\n`);

const departments = ['Engineering', 'Sales', 'Product', 'Finance', 'People'];
const skills = ['negotiation', 'coaching', 'public speaking', 'planning', 'hiring', 'sql'];

function csvOf(count: number, prefix: string): string {
  const lines = ['userId,roles,capacity,department,level,languages,skillsOffered,skillsSought'];
  for (let i = 0; i < count; i += 1) {
    const mentor = i % 3 === 0;
    lines.push(
      [
        `${prefix}-${i}`,
        mentor ? 'mentor' : 'mentee',
        mentor ? String(1 + (i % 3)) : '',
        departments[i % departments.length],
        String(mentor ? 6 + (i % 5) : 1 + (i % 5)),
        i % 4 === 0 ? 'en;fr' : 'en',
        mentor ? `"${skills[i % skills.length]};${skills[(i + 1) % skills.length]}"` : '',
        mentor ? '' : (skills[i % skills.length] ?? ''),
      ].join(','),
    );
  }
  return lines.join('\n');
}

const call = (platform: BenchPlatform, method: string, path: string, body?: string, contentType?: string) =>
  callService(platform, 'matching', { tenant, ...admin }, method, path, body, contentType);

async function openProgram(platform: BenchPlatform, name: string): Promise<string> {
  const program = await call(
    platform,
    'POST',
    '/programs',
    JSON.stringify({ name, type: 'one-to-one', settings: { acceptance: 'admin-approval' } }),
    'application/json',
  );
  await call(platform, 'POST', `/programs/${program.body.programId}/open-enrolment`);
  return program.body.programId as string;
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result };
}

/** Sends the file, then polls the job until it stops; the job's own figures come back too. */
async function importRows(platform: BenchPlatform, programId: string) {
  const accepted = await call(
    platform,
    'POST',
    `/programs/${programId}/participants/import`,
    csvOf(rows, 'p'),
    'text/csv',
  );
  if (accepted.status !== 202)
    throw new Error(`import answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
  const path = `/programs/${programId}/participant-imports/${accepted.body.jobId}`;
  const deadline = Date.now() + 600_000;
  for (;;) {
    const job = await call(platform, 'GET', path);
    if (['completed', 'cancelled', 'failed'].includes(job.body.status)) return job.body;
    if (Date.now() > deadline) throw new Error('the import did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function oneByOne(platform: BenchPlatform, programId: string): Promise<void> {
  for (let i = 0; i < oneByOneRows; i += 1) {
    const enrolled = await call(
      platform,
      'POST',
      `/programs/${programId}/participants`,
      JSON.stringify({
        userId: `single-${i}`,
        roles: ['mentee'],
        profile: { department: 'Sales', languages: ['en'] },
      }),
      'application/json',
    );
    if (enrolled.status !== 201) throw new Error(`enrol answered ${enrolled.status}`);
  }
}

/** Raw driver: as many documents as rows, shaped like one commit each, in batches of 500. */
async function rawInsertMany(): Promise<number> {
  const client = new MongoClient(process.env['MONGODB_URI'] ?? '');
  const db = client.db(`bench_import_raw_${randomUUID().slice(0, 8)}`);
  const docs = Array.from({ length: rows }, (_, i) => ({
    _id: `${tenant}/participant-pt-${i}/1`,
    tenantId: tenant,
    streamId: `participant-pt-${i}`,
    versions: [1],
    events: [
      {
        id: randomUUID(),
        type: 'matching.participant.enrolled',
        data: { userId: `p-${i}`, roles: ['mentee'] },
      },
    ],
    published: false,
  }));
  try {
    const { seconds } = await timed(async () => {
      for (let i = 0; i < docs.length; i += 500)
        await db.collection<(typeof docs)[number]>('raw_commits').insertMany(docs.slice(i, i + 500));
    });
    return seconds;
  } finally {
    await db.dropDatabase();
    await client.close();
  }
}

export async function main(): Promise<void> {
  log('building and starting the matching service');
  const platform = await startBenchPlatform(undefined, ['matching']);
  try {
    const rawSeconds = await rawInsertMany();
    log(`importing ${rows} rows`);
    const imported = await timed(async () =>
      importRows(platform, await openProgram(platform, 'Import bench')),
    );
    const job = imported.result;
    const jobSeconds = (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000;
    log(`enrolling ${oneByOneRows} rows one request at a time`);
    const single = await timed(async () => oneByOne(platform, await openProgram(platform, 'One by one')));
    const perSecond = (count: number, seconds: number) => Math.round(count / seconds);
    const rawPerSecond = perSecond(rows, rawSeconds);
    console.log(
      JSON.stringify(
        {
          benchmark: 'import',
          rows,
          job: { status: job.status, progress: job.progress },
          rowsPerSecond: {
            importEndToEnd: perSecond(rows, imported.seconds),
            importJob: perSecond(rows, jobSeconds),
            oneRequestPerRow: perSecond(oneByOneRows, single.seconds),
            rawInsertMany: rawPerSecond,
          },
          ratios: {
            importJobVsRawInsertMany: Math.round((rows / jobSeconds / rawPerSecond) * 1000) / 1000,
            importJobVsOneRequestPerRow:
              Math.round((rows / jobSeconds / (oneByOneRows / single.seconds)) * 10) / 10,
          },
          notes: {
            importEndToEnd: 'POST with the file until GET shows the job completed (polling every 100 ms)',
            importJob:
              "the job's own startedAt → finishedAt: checks, decider, appendMany and read models per chunk",
            oneRequestPerRow: `POST /participants for ${oneByOneRows} rows, one after the other`,
            rawInsertMany: 'raw driver, one commit-shaped document per row, batches of 500, no checks',
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await platform.stop();
  }
}
