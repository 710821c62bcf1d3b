import { randomUUID } from 'node:crypto';
import { MongoConnection } from '@tandem/runtime';
import { waitFor } from '@tandem/testing';
import type { Db } from 'mongodb';
import { startMatchingApi, type ApiClient, type MatchingApi } from '../../matching-api.test-kit';
import { ParticipantImportRunner } from '../participant-imports/import-job-runner';
import type { ImportJobDocument } from '../participant-imports/import-jobs';
import { participantIdOf } from '../participant-identity';

/** Starts the service with import settings in its environment (they are read at start). */
async function startWith(env: Record<string, string>): Promise<MatchingApi> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    return await startMatchingApi();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function openProgram(admin: ApiClient): Promise<string> {
  const program = await admin.post('/programs', {
    name: 'Import',
    type: 'one-to-one',
    settings: { acceptance: 'admin-approval' },
  });
  await admin.post(`/programs/${program.body.programId}/open-enrolment`);
  return program.body.programId;
}

const importCsv = (admin: ApiClient, programId: string, csv: string, route = '') =>
  admin.send('POST', `/programs/${programId}/participants/import${route}`, csv, 'text/csv');

const jobPath = (programId: string, jobId: string) => `/programs/${programId}/participant-imports/${jobId}`;

async function finished(admin: ApiClient, programId: string, jobId: string) {
  return waitFor(
    async () => {
      const job = await admin.get(jobPath(programId, jobId));
      return ['completed', 'cancelled', 'failed'].includes(job.body.status) && job.body;
    },
    { description: `import ${jobId} to finish`, timeoutMs: 30_000 },
  );
}

/** Events per participant stream of the given users, straight from the event store. */
async function eventCounts(db: Db, tenantId: string, programId: string, userIds: string[]) {
  const counts: Record<string, number> = {};
  for (const userId of userIds) {
    const commits = await db
      .collection<{ events: unknown[] }>('events')
      .find({ tenantId, streamId: `participant-${participantIdOf(programId, userId)}` })
      .toArray();
    counts[userId] = commits.reduce((n, commit) => n + commit.events.length, 0);
  }
  return counts;
}

describe('CSV imports as background jobs', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startWith({ IMPORT_MAX_ROWS: '20' });
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  it('answers 202 with a job that enrols the valid rows and reports each rejected one', async () => {
    const programId = await openProgram(admin);
    // Existing streams go one by one: a withdrawn person comes back, an enrolled one is refused.
    await admin.post(`/programs/${programId}/participants`, { userId: 'u-5', roles: ['mentee'] });
    const withdrawn = await admin.post(`/programs/${programId}/participants`, {
      userId: 'u-6',
      roles: ['mentee'],
    });
    await admin.post(`/programs/${programId}/participants/${withdrawn.body.participantId}/withdraw`, {});
    const csv = [
      'userId,roles,capacity,department,level,languages,skillsOffered,skillsSought',
      'u-1,mentor,3,Engineering,7,en;fr,"negotiation;public speaking",',
      'u-2,mentee,,Sales,2,en,,negotiation',
      'u-3,boss,,Sales,2,en,,',
      'u-4,mentee,,Sales,high,en,,',
      'u-2,mentee,,Sales,2,en,,',
      'u-5,mentee,,Sales,2,en,,',
      'u-6,mentee,,Sales,3,en,,',
      'u-7,mentor;mentee,,Sales,3,en,,',
    ].join('\n');

    const dryRun = await importCsv(admin, programId, csv, '/dry-run');
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({ rows: 8, enrolled: 0, dryRun: true });
    expect(dryRun.body.rejected.map((r: { line: number }) => r.line)).toEqual([4, 5, 6, 9]);

    const accepted = await importCsv(admin, programId, csv);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'queued', progress: { rows: 8, done: 0 } });
    const { jobId } = accepted.body;
    expect(accepted.headers.get('location')).toBe(`/api/matching/v1${jobPath(programId, jobId)}`);

    const job = await finished(admin, programId, jobId);
    expect(job).toMatchObject({
      status: 'completed',
      progress: { rows: 8, done: 8, enrolled: 3, rejected: 5 },
    });
    expect(job.rejected).toEqual([
      { line: 4, userId: 'u-3', problems: [expect.objectContaining({ field: 'roles', code: 'invalid' })] },
      { line: 5, userId: 'u-4', problems: [expect.objectContaining({ field: 'level', code: 'invalid' })] },
      {
        line: 6,
        userId: 'u-2',
        problems: [{ field: 'userId', code: 'duplicate-row', message: 'appears on an earlier row' }],
      },
      {
        line: 7,
        userId: 'u-5',
        problems: [expect.objectContaining({ field: '(row)', code: 'already-enrolled' })],
      },
      {
        line: 9,
        userId: 'u-7',
        problems: [expect.objectContaining({ field: '(row)', code: 'one-role-only' })],
      },
    ]);
    const enrolled = (await admin.get(`/programs/${programId}/participants?status=enrolled`)).body.items;
    expect(enrolled.map((p: { userId: string }) => p.userId).sort()).toEqual(['u-1', 'u-2', 'u-5', 'u-6']);
    const mentor = enrolled.find((p: { userId: string }) => p.userId === 'u-1');
    expect(mentor).toMatchObject({ roles: ['mentor'], capacity: 3 });
    expect(mentor.profile.skillsOffered).toEqual(['negotiation', 'public speaking']);
    const db = api.app.get(MongoConnection).db;
    expect(await eventCounts(db, tenant, programId, ['u-1', 'u-2', 'u-5', 'u-6', 'u-3'])).toEqual({
      'u-1': 1,
      'u-2': 1,
      'u-5': 1,
      'u-6': 3, // enrolled, withdrew, enrolled again by the import
      'u-3': 0,
    });
  });

  it('refuses a malformed or too long file whole, storing no job and enrolling nobody', async () => {
    const programId = await openProgram(admin);
    const tooLong = ['userId,roles', ...Array.from({ length: 21 }, (_, i) => `u-${i},mentee`)].join('\n');
    for (const [file, status] of [
      ['userId,roles\nu-9,mentee\nu-10,"mentee\n', 400],
      ['userId,roles,shoeSize\nu-9,mentee,44\n', 400],
      ['userId\nu-9\n', 400],
      [tooLong, 413],
    ] as const) {
      const refused = await importCsv(admin, programId, file);
      expect(refused.status).toBe(status);
    }
    const tooMany = await importCsv(admin, programId, tooLong);
    expect(tooMany.body).toMatchObject({ code: 'too-many-rows', limit: 20 });
    expect(tooMany.body.detail).toContain('at most 20');
    expect((await admin.get(`/programs/${programId}/participants`)).body.items).toEqual([]);
    const db = api.app.get(MongoConnection).db;
    expect(await db.collection('participant_imports').countDocuments({ tenantId: tenant, programId })).toBe(
      0,
    );
  });

  it("answers 404 for another tenant's job and 403 to a participant", async () => {
    const programId = await openProgram(admin);
    const accepted = await importCsv(admin, programId, 'userId,roles\nu-1,mentee\n');
    const path = jobPath(programId, accepted.body.jobId);
    await finished(admin, programId, accepted.body.jobId);
    const stranger = api.as(`other-${randomUUID().slice(0, 8)}`, 'admin-1', ['program-admin']);
    expect((await stranger.get(path)).status).toBe(404);
    expect((await stranger.post(`${path}/cancel`)).status).toBe(404);
    expect((await admin.get(jobPath(programId, randomUUID()))).status).toBe(404);
    const participant = api.as(tenant, 'u-1', ['participant']);
    expect((await participant.get(path)).status).toBe(403);
  });
});

describe('CSV import jobs: cancel and resume (runner driven by the test)', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  let runner: ParticipantImportRunner;
  let db: Db;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  const rows = (n: number, from = 1) =>
    ['userId,roles', ...Array.from({ length: n }, (_, i) => `u-${from + i},mentee`)].join('\n');
  beforeAll(async () => {
    api = await startWith({ IMPORT_JOB_POLL_MS: '0', IMPORT_CHUNK_ROWS: '2' });
    admin = api.as(tenant, 'admin-1', ['program-admin']);
    runner = api.app.get(ParticipantImportRunner);
    db = api.app.get(MongoConnection).db;
  });
  afterAll(() => api.close());

  const jobDocument = (jobId: string) =>
    db.collection<ImportJobDocument>('participant_imports').findOne({ _id: `${tenant}/${jobId}` });

  it('cancels a queued job at once and a running one at its next checkpoint, keeping what it enrolled', async () => {
    const programId = await openProgram(admin);
    const queued = (await importCsv(admin, programId, rows(2, 100))).body.jobId;
    const cancelledAtOnce = await admin.post(`${jobPath(programId, queued)}/cancel`);
    expect(cancelledAtOnce.status).toBe(200);
    expect(cancelledAtOnce.body).toMatchObject({ status: 'cancelled', progress: { done: 0, enrolled: 0 } });

    const running = (await importCsv(admin, programId, rows(6))).body.jobId;
    expect(await runner.runPending({ maxChunks: 1 })).toBe(1);
    const pending = await admin.post(`${jobPath(programId, running)}/cancel`);
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ status: 'running', cancelRequested: true, progress: { done: 2 } });
    await runner.runPending();

    const job = (await admin.get(jobPath(programId, running))).body;
    expect(job).toMatchObject({
      status: 'cancelled',
      progress: { rows: 6, done: 2, enrolled: 2, rejected: 0 },
    });
    expect(job.rejected).toEqual([]);
    const enrolled = (await admin.get(`/programs/${programId}/participants`)).body.items;
    expect(enrolled.map((p: { userId: string }) => p.userId).sort()).toEqual(['u-1', 'u-2']);
    expect((await admin.post(`${jobPath(programId, running)}/cancel`)).status).toBe(200);

    const done = (await importCsv(admin, programId, rows(1, 50))).body.jobId;
    await runner.runPending();
    const tooLate = await admin.post(`${jobPath(programId, done)}/cancel`);
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.code).toBe('import-finished');
  });

  it('resumes a job left running by a dead process from its checkpoint, enrolling nobody twice', async () => {
    const programId = await openProgram(admin);
    const csv = [
      'userId,roles',
      'u-1,mentee',
      'u-2,mentee',
      'u-3,mentor',
      'u-4,nobody',
      'u-5,mentee',
      'u-6,mentee',
    ];
    const jobId = (await importCsv(admin, programId, csv.join('\n'))).body.jobId;
    await runner.runPending({ maxChunks: 1 });
    const atCheckpoint = await jobDocument(jobId);
    expect(atCheckpoint).toMatchObject({ nextChunk: 1, rowsDone: 2, enrolled: 2 });
    // The second chunk's appends and read models are written, then the process dies before its
    // checkpoint: the job still says chunk 1, running, under a lease held by the dead process.
    await runner.runPending({ maxChunks: 1 });
    expect(await jobDocument(jobId)).toMatchObject({ nextChunk: 2, enrolled: 3, rejected: 1 });
    const { _id, ...checkpoint } = atCheckpoint as ImportJobDocument;
    const jobs = db.collection<ImportJobDocument>('participant_imports');
    await jobs.replaceOne(
      { _id },
      {
        ...checkpoint,
        status: 'running',
        leaseOwner: 'dead-replica',
        leaseUntil: new Date(Date.now() + 60_000),
      },
    );
    expect(await runner.runPending()).toBe(0); // its lease has not lapsed yet: nobody else takes it
    await jobs.updateOne({ _id }, { $set: { leaseUntil: new Date(Date.now() - 1) } });
    expect(await runner.runPending()).toBe(1);

    const job = (await admin.get(jobPath(programId, jobId))).body;
    expect(job).toMatchObject({
      status: 'completed',
      progress: { rows: 6, done: 6, enrolled: 5, rejected: 1 },
    });
    expect(job.rejected).toEqual([
      { line: 5, userId: 'u-4', problems: [expect.objectContaining({ field: 'roles', code: 'invalid' })] },
    ]);
    const users = ['u-1', 'u-2', 'u-3', 'u-5', 'u-6'];
    expect(await eventCounts(db, tenant, programId, users)).toEqual(
      Object.fromEntries(users.map((userId) => [userId, 1])),
    );
    const enrolled = (await admin.get(`/programs/${programId}/participants`)).body;
    expect(enrolled.items).toHaveLength(5);
    expect(enrolled.nextCursor).toBeUndefined();
    expect((await jobDocument(jobId))?.leaseTerm).toBe(2); // taken over under a new term
  });
});
