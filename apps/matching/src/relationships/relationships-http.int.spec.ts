import { randomUUID } from 'node:crypto';
import { startMatchingApi, type ApiClient, type MatchingApi } from '../matching-api.test-kit';

const profile = { languages: ['en'], skillsOffered: [], skillsSought: [], focusAreas: [] };

describe('relationships over HTTP: pages, ETags and If-Match', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi();
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  /** A program whose admin proposed one mentor to `count` mentees, each in a relationship of its own. */
  async function proposals(count: number) {
    const program = await admin.post('/programs', { name: 'Pages', type: 'one-to-one' });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const mentor = await admin.post(`/programs/${programId}/participants`, {
      userId: 'mentor-1',
      roles: ['mentor'],
      capacity: count,
      profile,
    });
    const relationshipIds: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const mentee = await admin.post(`/programs/${programId}/participants`, {
        userId: `mentee-${i}`,
        roles: ['mentee'],
        profile,
      });
      const proposal = await admin.post('/relationships', {
        programId,
        mentorId: mentor.body.participantId,
        menteeIds: [mentee.body.participantId],
      });
      expect(proposal.status).toBe(201);
      relationshipIds.push(proposal.body.relationshipId);
    }
    return { programId, relationshipIds };
  }

  it('pages through the relationships by id: each once, the last page without nextCursor', async () => {
    const { programId, relationshipIds } = await proposals(5);
    const seen: string[] = [];
    let cursor: string | undefined;
    const pages: number[] = [];
    do {
      const query = `programId=${programId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await admin.get(`/relationships?${query}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((r: { relationshipId: string }) => r.relationshipId));
      pages.push(page.body.items.length);
      cursor = page.body.nextCursor;
    } while (cursor !== undefined);
    expect(pages).toEqual([2, 2, 1]);
    expect(seen).toEqual([...relationshipIds].sort());

    // A party sees only their own, paged the same way.
    const mine = await api.as(tenant, 'mentee-3', ['participant']).get('/relationships?limit=1');
    expect(mine.body).toEqual({ items: [expect.objectContaining({ relationshipId: relationshipIds[3] })] });
  });

  it('answers 400 naming the field to a cursor it did not write and to a limit over 500', async () => {
    const badCursor = await admin.get('/relationships?cursor=not-a-cursor');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
    const overMax = await admin.get('/relationships?limit=501');
    expect(overMax.status).toBe(400);
    expect(overMax.body.errors).toEqual([expect.objectContaining({ path: 'limit' })]);
  });

  it('sends the version as ETag, and refuses a command on a stale If-Match with 412, changing nothing', async () => {
    const {
      relationshipIds: [relationshipId],
    } = await proposals(1);
    const path = `/relationships/${relationshipId}`;
    const read = await admin.get(path);
    expect(read.body).toMatchObject({ status: 'proposed', version: 1 });
    expect(read.headers.get('etag')).toBe('"1"');

    // The mentee accepts meanwhile: the relationship moves on to version 2.
    const accepted = await api.as(tenant, 'mentee-0', ['participant']).post(
      `${path}/accept`,
      {},
      {
        'if-match': '"1"',
      },
    );
    expect(accepted.body).toMatchObject({ status: 'proposed', version: 2, acceptedBy: ['mentee-0'] });
    expect(accepted.headers.get('etag')).toBe('"2"');

    const stale = await admin.post(`${path}/decline`, { reason: 'schedule-conflict' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('concurrency-conflict');
    const unchanged = await admin.get(path);
    expect(unchanged.body).toEqual(accepted.body);
    expect(unchanged.headers.get('etag')).toBe('"2"');

    const declined = await admin.post(
      `${path}/decline`,
      { reason: 'schedule-conflict' },
      { 'if-match': '"2"' },
    );
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', version: 3 });
    expect(declined.headers.get('etag')).toBe('"3"');
  });
});
