import { randomUUID } from 'node:crypto';
import { startMatchingApi, type ApiClient, type MatchingApi } from '../matching-api.test-kit';

describe('participants over HTTP: pages, ETags and If-Match', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  let programId: string;
  beforeAll(async () => {
    api = await startMatchingApi();
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    admin = api.as(`acme-${randomUUID().slice(0, 8)}`, 'admin-1', ['program-admin']);
    programId = (await admin.post('/programs', { name: 'Pages', type: 'one-to-one' })).body.programId;
    await admin.post(`/programs/${programId}/open-enrolment`);
  });

  const enrol = async (userId: string, role: 'mentor' | 'mentee') => {
    const enrolled = await admin.post(`/programs/${programId}/participants`, {
      userId,
      roles: [role],
      profile: { languages: ['en'] },
    });
    expect(enrolled.status).toBe(201);
    return enrolled;
  };

  it('pages a filtered list in enrolment order by cursor, every participant once, and refuses a bad cursor', async () => {
    for (const userId of ['u-1', 'u-2', 'u-3']) await enrol(userId, 'mentee');
    await enrol('m-1', 'mentor');
    const list = `/programs/${programId}/participants?role=mentee&limit=2`;

    const first = await admin.get(list);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await admin.get(`${list}&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.nextCursor).toBeUndefined();
    const listed = [...first.body.items, ...second.body.items];
    expect(listed.map((p: { userId: string }) => p.userId).sort()).toEqual(['u-1', 'u-2', 'u-3']);
    const enrolledAt = listed.map((p: { enrolledAt: string }) => p.enrolledAt);
    expect(enrolledAt).toEqual([...enrolledAt].sort());

    const refused = await admin.get(`${list}&cursor=bm90LWpzb24`);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });

  it('answers each version as the ETag, and refuses a stale If-Match with 412, changing nothing', async () => {
    const enrolled = await enrol('u-1', 'mentee');
    expect(enrolled.headers.get('etag')).toBe('"1"');
    const path = `/programs/${programId}/participants/${enrolled.body.participantId}`;

    const edited = await admin.patch(path, { profile: { department: 'Sales' } }, { 'if-match': '"1"' });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    expect(edited.headers.get('etag')).toBe('"2"');

    const stale = { 'if-match': '"1"' };
    expect((await admin.patch(path, { profile: { department: 'Legal' } }, stale)).status).toBe(412);
    const withdrawn = await admin.post(`${path}/withdraw`, { reason: 'left-company' }, stale);
    expect(withdrawn.status).toBe(412);
    expect(withdrawn.body.code).toBe('concurrency-conflict');
    const [unchanged] = (await admin.get(`/programs/${programId}/participants`)).body.items;
    expect(unchanged).toMatchObject({ status: 'enrolled', version: 2, profile: { department: 'Sales' } });

    const left = await admin.post(`${path}/withdraw`, { reason: 'left-company' }, { 'if-match': '"2"' });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ status: 'withdrawn', version: 3 });
    expect(left.headers.get('etag')).toBe('"3"');
  });
});
