import { randomUUID } from 'node:crypto';
import { encodeCursor } from '@tandem/auth';
import { startMatchingApi, type ApiClient, type MatchingApi } from '../matching-api.test-kit';

describe('programs over HTTP: pages, ETags and If-Match', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  beforeAll(async () => {
    api = await startMatchingApi();
  });
  afterAll(() => api.close());
  beforeEach(() => {
    admin = api.as(`acme-${randomUUID().slice(0, 8)}`, 'admin-1', ['program-admin']);
  });

  const create = async (name: string) => {
    const created = await admin.post('/programs', { name, type: 'one-to-one' });
    expect(created.status).toBe(201);
    return created;
  };

  it('pages the list newest first by cursor, every program once, and refuses a cursor it did not write', async () => {
    const ids: string[] = [];
    for (const name of ['First', 'Second', 'Third']) ids.push((await create(name)).body.programId);

    const first = await admin.get('/programs?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await admin.get(`/programs?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeUndefined();

    const listed = [...first.body.items, ...second.body.items];
    expect(listed.map((p: { programId: string }) => p.programId).sort()).toEqual([...ids].sort());
    const created = listed.map((p: { createdAt: string }) => p.createdAt);
    expect(created).toEqual([...created].sort().reverse());

    for (const cursor of ['not-a-cursor', encodeCursor(['2027-01-05T09:30:00.000Z'])]) {
      const refused = await admin.get(`/programs?limit=2&cursor=${cursor}`);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
    }
  });

  it('answers each version as the ETag, and refuses a stale If-Match with 412, changing nothing', async () => {
    const created = await create('Versioned');
    const path = `/programs/${created.body.programId}`;
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`/api/matching/v1${path}`);

    // A settings change is an event, so a new version (a text-only change is not: see the README).
    const renamed = await admin.patch(
      path,
      { name: 'Renamed', settings: { minimumScore: 10 } },
      { 'if-match': '"1"' },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(2);
    expect(renamed.headers.get('etag')).toBe('"2"');

    expect((await admin.patch(path, { name: 'Lost update' }, { 'if-match': '"1"' })).status).toBe(412);
    const opened = await admin.post(`${path}/open-enrolment`, {}, { 'if-match': '"1"' });
    expect(opened.status).toBe(412);
    expect(opened.body.code).toBe('concurrency-conflict');
    const unchanged = await admin.get(path);
    expect(unchanged.body).toMatchObject({
      name: 'Renamed',
      status: 'draft',
      version: 2,
      settings: { minimumScore: 10 },
    });
    expect(unchanged.headers.get('etag')).toBe('"2"');

    const reopened = await admin.post(`${path}/open-enrolment`, {}, { 'if-match': '"2"' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'enrolment-open', version: 3 });
    expect(reopened.headers.get('etag')).toBe('"3"');
  });
});
