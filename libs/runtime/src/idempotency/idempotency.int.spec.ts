import { randomUUID } from 'node:crypto';
import { EventStore } from '@tandem/eventstore';
import { waitFor } from '@tandem/testing';
import { MongoConnection } from '../mongo/mongo-connection';
import { AppendAttempt, runInAttempt } from './append-intents';
import { fingerprintOf, recordIdOf } from './idempotency-key';
import { IdempotencyRecords, KEY_RETENTION_MS, type IdempotencyRecord } from './idempotency-records';
import {
  behaviour,
  Gate,
  startIdempotencyTestService,
  type IdempotencyTestService,
} from './idempotency-service.test-kit';

const route = '/api/idem/v1/notes';

describe('Idempotency-Key on the write routes of a booted service', () => {
  let service: IdempotencyTestService;
  let records: IdempotencyRecords;
  let tenant: string;
  const key = () => `key-${randomUUID()}`;
  const withKey = (value: string) => ({ 'idempotency-key': value });

  beforeAll(async () => {
    service = await startIdempotencyTestService();
    records = service.app.get(IdempotencyRecords);
  });
  afterAll(() => service.close());
  beforeEach(() => {
    tenant = `t-${randomUUID().slice(0, 8)}`;
    behaviour.gate = undefined;
    behaviour.failuresBeforeSuccess = 0;
  });

  /** A record as a process that died mid-request leaves it: running, its lease lapsed. */
  async function deadAttempt(
    idempotencyKey: string,
    body: unknown,
    userId = 'u-1',
  ): Promise<IdempotencyRecord> {
    const scope = { tenantId: tenant, userId, method: 'POST', route, key: idempotencyKey };
    const now = new Date();
    const record: IdempotencyRecord = {
      _id: recordIdOf(scope),
      ...scope,
      fingerprint: fingerprintOf('POST', route, body),
      state: 'running',
      token: randomUUID(),
      leaseUntil: new Date(now.getTime() - 1000),
      intents: [],
      createdAt: now,
      expiresAt: new Date(now.getTime() + KEY_RETENTION_MS),
    };
    await records.collection.insertOne(record);
    return record;
  }

  it('replays the first answer to a retry with the same key and body, and writes nothing twice', async () => {
    const alice = service.as(tenant, 'u-1');
    const idempotencyKey = key();
    const first = await alice.post('/notes', { progress: 40 }, withKey(idempotencyKey));
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    // The key as the draft's quoted structured-field string is the same key.
    const retry = await alice.post('/notes', { progress: 40 }, withKey(`"${idempotencyKey}"`));
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    for (const header of ['etag', 'location', 'content-type']) {
      expect(retry.headers.get(header)).toBe(first.headers.get(header));
    }
    expect(first.headers.get('location')).toBe(`notes/${first.body.noteId}`);
    expect(await service.writes(tenant)).toEqual({ events: 1, notes: 1 });

    // Without the header, behaviour is as before: every request is a new note.
    await alice.post('/notes', { progress: 40 });
    await alice.post('/notes', { progress: 40 });
    expect(await service.writes(tenant)).toEqual({ events: 3, notes: 3 });
  });

  it('answers 422 naming the key when it comes back with a different body, and writes nothing', async () => {
    const alice = service.as(tenant, 'u-1');
    const idempotencyKey = key();
    expect((await alice.post('/notes', { progress: 40 }, withKey(idempotencyKey))).status).toBe(201);
    const reused = await alice.post('/notes', { progress: 41 }, withKey(idempotencyKey));
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'idempotency-key-reused', idempotencyKey });
    expect(await service.writes(tenant)).toEqual({ events: 1, notes: 1 });
  });

  it('keeps one effect for concurrent duplicates', async () => {
    const idempotencyKey = key();
    const token = await service.token(tenant, 'u-1');
    const send = () =>
      fetch(`${service.url}${route}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': idempotencyKey,
        },
        body: JSON.stringify({ progress: 7 }),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as Record<string, unknown>,
      }));
    const answers = await Promise.all(Array.from({ length: 12 }, send));

    expect(await service.writes(tenant)).toEqual({ events: 1, notes: 1 });
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((answer) => answer.body['noteId'])).size).toBe(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer).toMatchObject({
        status: 409,
        body: { code: 'idempotency-key-in-flight', idempotencyKey },
      });
    }
  });

  it('answers 409 with Retry-After while the first request runs, then replays its answer', async () => {
    const alice = service.as(tenant, 'u-1');
    const idempotencyKey = key();
    const gate = (behaviour.gate = new Gate());
    const first = alice.post('/notes/held', { progress: 5 }, withKey(idempotencyKey));
    await waitFor(() => gate.reached, { description: 'the first request to hold after its writes' });

    const duplicates = await Promise.all(
      [1, 2, 3].map(() => alice.post('/notes/held', { progress: 5 }, withKey(idempotencyKey))),
    );
    for (const duplicate of duplicates) {
      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toMatchObject({ code: 'idempotency-key-in-flight', idempotencyKey });
      expect(duplicate.headers.get('retry-after')).toBe('1');
    }
    gate.release();
    expect((await first).status).toBe(201);
    const replay = await alice.post('/notes/held', { progress: 5 }, withKey(idempotencyKey));
    expect(replay).toMatchObject({ status: 201, body: (await first).body });
    expect(await service.writes(tenant)).toEqual({ events: 1, notes: 1 });
  });

  it("treats another user's same key as another key", async () => {
    const idempotencyKey = key();
    const alice = await service.as(tenant, 'u-1').post('/notes', { progress: 1 }, withKey(idempotencyKey));
    const bob = await service.as(tenant, 'u-2').post('/notes', { progress: 1 }, withKey(idempotencyKey));
    expect([alice.status, bob.status]).toEqual([201, 201]);
    expect(bob.headers.get('idempotent-replayed')).toBeNull();
    expect(bob.body.noteId).not.toBe(alice.body.noteId);
    expect(await service.writes(tenant)).toEqual({ events: 2, notes: 2 });
  });

  it('replays a 4xx answer too', async () => {
    const alice = service.as(tenant, 'u-1');
    const idempotencyKey = key();
    const first = await alice.post('/notes', { progress: 400 }, withKey(idempotencyKey));
    expect(first.status).toBe(400);
    const retry = await alice.post('/notes', { progress: 400 }, withKey(idempotencyKey));
    expect(retry).toMatchObject({ status: 400, body: first.body });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await service.writes(tenant)).toEqual({ events: 0, notes: 0 });
  });

  it('keeps no 5xx: the retry runs again', async () => {
    const alice = service.as(tenant, 'u-1');
    const idempotencyKey = key();
    behaviour.failuresBeforeSuccess = 1;
    expect((await alice.post('/notes/flaky', { progress: 3 }, withKey(idempotencyKey))).status).toBe(500);
    const retry = await alice.post('/notes/flaky', { progress: 3 }, withKey(idempotencyKey));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await service.writes(tenant)).toEqual({ events: 1, notes: 1 });
  });

  it('never runs again a request whose 5xx came after its append: the retry learns the effect exists', async () => {
    const alice = service.as(tenant, 'u-1');
    const idempotencyKey = key();
    expect((await alice.post('/notes/broken', { progress: 3 }, withKey(idempotencyKey))).status).toBe(500);
    const retry = await alice.post('/notes/broken', { progress: 3 }, withKey(idempotencyKey));
    expect(retry.status).toBe(409);
    expect(retry.body).toMatchObject({
      type: 'https://tandem.dev/problems/idempotency-key-outcome-lost',
      status: 409,
      code: 'idempotency-key-outcome-lost',
      idempotencyKey,
      streams: [expect.stringMatching(/^note-/)],
    });
    // The stored refusal is replayed as the same problem document.
    const replay = await alice.post('/notes/broken', { progress: 3 }, withKey(idempotencyKey));
    expect(replay).toMatchObject({ status: 409, body: retry.body });
    expect(await service.writes(tenant)).toEqual({ events: 1, notes: 1 });
  });

  it('lets a retry take over the lapsed claim of a dead process that appended nothing', async () => {
    const idempotencyKey = key();
    await deadAttempt(idempotencyKey, { progress: 9 });
    const retry = await service.as(tenant, 'u-1').post('/notes', { progress: 9 }, withKey(idempotencyKey));
    expect(retry.status).toBe(201);
    expect(await service.writes(tenant)).toEqual({ events: 1, notes: 1 });
    const replay = await service.as(tenant, 'u-1').post('/notes', { progress: 9 }, withKey(idempotencyKey));
    expect(replay).toMatchObject({ status: 201, body: retry.body });
  });

  it('does not run again the request of a dead process that had appended, and says so', async () => {
    const idempotencyKey = key();
    const dead = await deadAttempt(idempotencyKey, { progress: 9 });
    // The dead process's append, made as it made it: inside its attempt, through the service's event store.
    const store = service.app.get(EventStore);
    await runInAttempt(new AppendAttempt(dead._id, dead.token, records), () =>
      store.append(tenant, 'note-from-the-dead', 0, [
        {
          type: 'goals.goal.progress-recorded',
          data: { goalId: 'g', relationshipId: 'r-1', programId: 'p-1', recordedBy: 'u-1', progress: 9 },
        },
      ]),
    );
    const retry = await service.as(tenant, 'u-1').post('/notes', { progress: 9 }, withKey(idempotencyKey));
    expect(retry.status).toBe(409);
    expect(retry.body).toMatchObject({
      code: 'idempotency-key-outcome-lost',
      streams: ['note-from-the-dead'],
    });
    const again = await service.as(tenant, 'u-1').post('/notes', { progress: 9 }, withKey(idempotencyKey));
    expect(again).toMatchObject({ status: 409, body: retry.body });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await service.writes(tenant)).toEqual({ events: 1, notes: 0 });
  });

  it('answers 409 for a claim whose lease is still running, even if nobody renews it yet', async () => {
    const idempotencyKey = key();
    const dead = await deadAttempt(idempotencyKey, { progress: 2 });
    await records.collection.updateOne(
      { _id: dead._id },
      { $set: { leaseUntil: new Date(Date.now() + 60_000) } },
    );
    const retry = await service.as(tenant, 'u-1').post('/notes', { progress: 2 }, withKey(idempotencyKey));
    expect(retry).toMatchObject({ status: 409, body: { code: 'idempotency-key-in-flight' } });
    expect(await service.writes(tenant)).toEqual({ events: 0, notes: 0 });
  });

  it('refuses a malformed key with a 400 naming the header, and writes nothing', async () => {
    const alice = service.as(tenant, 'u-1');
    for (const malformed of ['', 'has space', 'x'.repeat(256), '""']) {
      const response = await alice.post('/notes', { progress: 1 }, withKey(malformed));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        type: 'https://tandem.dev/problems/idempotency-key-invalid',
        status: 400,
        code: 'idempotency-key-invalid',
        errors: [{ path: 'Idempotency-Key', code: 'invalid-format' }],
      });
    }
    expect((await alice.post('/notes', { progress: 1 }, withKey('x'.repeat(255)))).status).toBe(201);
    expect(await service.writes(tenant)).toEqual({ events: 1, notes: 1 });
  });

  it('keeps keys for 24 hours behind a TTL index', async () => {
    const idempotencyKey = key();
    await service.as(tenant, 'u-1').post('/notes', { progress: 1 }, withKey(idempotencyKey));
    const record = await records.collection.findOne({ key: idempotencyKey });
    expect(record!.expiresAt.getTime() - record!.createdAt.getTime()).toBe(24 * 3600 * 1000);
    const indexes = await service.app.get(MongoConnection).db.collection('idempotency_keys').indexes();
    expect(indexes).toContainEqual(expect.objectContaining({ key: { expiresAt: 1 }, expireAfterSeconds: 0 }));
  });

  it('documents the header and its answers on every write operation of the OpenAPI document', async () => {
    const document = (await (await fetch(`${service.url}/api/idem/docs/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>
      >;
    };
    const post = document.paths[route]!['post']!;
    expect(post.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }),
    );
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['409', '422']));
  });
});
