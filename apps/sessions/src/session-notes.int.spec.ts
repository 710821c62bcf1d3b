import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tandem/events';
import type { ServiceApi } from '@tandem/runtime/testing';
import { testEnvelope } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import {
  programCreated,
  relationshipFixture,
  relationshipStream,
  startSessionsApi,
  type ApiClient,
  type RelationshipFixture,
} from './sessions-api.test-kit';

// Kafka consumer-group joins and deliveries are slow when the shared machine is busy.
jest.setTimeout(180_000);

/** Notes (shared and private, deletable) and agendas linked to the relationship's goals. */
describe('session notes and agendas', () => {
  let api: ServiceApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  let pair: RelationshipFixture;
  let mentor: ApiClient;
  let mentee: ApiClient;
  let sessionId: string;
  const goalId = `g-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    api = await startSessionsApi();
    pair = relationshipFixture(tenant);
    mentor = api.as(tenant, pair.mentorId, ['participant']);
    mentee = api.as(tenant, pair.menteeId, ['participant']);
    // testEnvelope stamps schema version 1; this is the data of goals.goal.set version 2.
    const goal = (id: string, relationshipId: string): EventEnvelope =>
      ({
        ...testEnvelope(
          'goals.goal.set',
          {
            goalId: id,
            relationshipId,
            programId: pair.programId,
            ownerId: pair.menteeId,
            targetDate: '2030-06-30',
            measure: { kind: 'milestones' },
            horizon: 'short-term',
          },
          { tenantId: tenant, streamId: `goal-${id}`, streamVersion: 1 },
        ),
        version: 2,
      }) as EventEnvelope;
    await api.publish([
      programCreated(pair, ['admin-1']),
      ...relationshipStream(pair, ['proposed', 'started']),
      goal(goalId, pair.relationshipId),
      goal('g-of-others', 'r-others'),
    ]);
    await waitFor(
      async () => (await mentee.get(`/relationships/${pair.relationshipId}/history`)).status === 200,
      { timeoutMs: 150_000, description: 'relationship learned' },
    );
    const created = await mentee.post('/sessions', {
      relationshipId: pair.relationshipId,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      durationMinutes: 60,
      format: 'video',
    });
    sessionId = created.body.sessionId;
  }, 180_000);
  afterAll(() => api.close());

  it('shows shared notes to the relationship, private notes to their author only, and lets only the author delete', async () => {
    const shared = await mentee.post(`/sessions/${sessionId}/notes`, {
      text: 'We agreed to meet monthly',
      visibility: 'shared',
    });
    const personal = await mentee.post(`/sessions/${sessionId}/notes`, {
      text: 'I feel nervous about this',
      visibility: 'private',
    });
    expect(shared.status).toBe(201);
    expect(
      (await mentee.get(`/sessions/${sessionId}/notes`)).body.items.map((n: { text: string }) => n.text),
    ).toEqual(['We agreed to meet monthly', 'I feel nervous about this']);
    for (const other of [mentor, api.as(tenant, 'admin-1', ['program-admin'])]) {
      expect(
        (await other.get(`/sessions/${sessionId}/notes`)).body.items.map((n: { noteId: string }) => n.noteId),
      ).toEqual([shared.body.noteId]);
    }
    expect(
      (await api.as(tenant, 'outsider', ['participant']).get(`/sessions/${sessionId}/notes`)).status,
    ).toBe(404);
    expect((await mentor.delete(`/sessions/${sessionId}/notes/${personal.body.noteId}`)).status).toBe(404);
    expect((await mentee.delete(`/sessions/${sessionId}/notes/${personal.body.noteId}`)).status).toBe(204);
    expect((await mentee.get(`/sessions/${sessionId}/notes`)).body.items).toHaveLength(1);
    expect(JSON.stringify(api.events)).not.toMatch(/nervous|monthly/);
  });

  it('pages the notes of a session oldest first, each note once, and refuses a forged cursor', async () => {
    const scheduled = await mentor.post('/sessions', {
      relationshipId: pair.relationshipId,
      startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      durationMinutes: 30,
      format: 'call',
    });
    const notesPath = `/sessions/${scheduled.body.sessionId}/notes`;
    const written: string[] = [];
    for (const text of ['one', 'two', 'three', 'four', 'five']) {
      const note = await mentor.post(notesPath, { text, visibility: 'shared' });
      expect(note.status).toBe(201);
      written.push(note.body.noteId);
    }
    const idsOf = (body: { items: { noteId: string }[] }) => body.items.map((n) => n.noteId);
    const all = await mentee.get(notesPath);
    expect(all.body.nextCursor).toBeUndefined();
    expect(idsOf(all.body).sort()).toEqual([...written].sort());

    const first = await mentee.get(`${notesPath}?limit=2`);
    const second = await mentee.get(
      `${notesPath}?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    const third = await mentee.get(
      `${notesPath}?limit=2&cursor=${encodeURIComponent(second.body.nextCursor)}`,
    );
    expect([first, second, third].map((page) => page.body.items.length)).toEqual([2, 2, 1]);
    expect(third.body.nextCursor).toBeUndefined();
    expect([first, second, third].flatMap((page) => idsOf(page.body))).toEqual(idsOf(all.body));

    const forged = await mentee.get(`${notesPath}?cursor=${encodeURIComponent('["no"')}`);
    expect(forged.status).toBe(400);
    expect(forged.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
    expect((await mentee.get(`${notesPath}?limit=101`)).status).toBe(400);
  });

  it('refuses an agenda item under a stale If-Match (412) and adds nothing; the answer carries the version as ETag', async () => {
    const scheduled = await mentee.post('/sessions', {
      relationshipId: pair.relationshipId,
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      durationMinutes: 30,
      format: 'video',
    });
    const sessionId = scheduled.body.sessionId as string;
    const moved = await mentee.post(`/sessions/${sessionId}/reschedule`, {
      startsAt: new Date(Date.now() + 4 * 86_400_000).toISOString(),
    });
    const stale = await mentor.post(
      `/sessions/${sessionId}/agenda`,
      { text: 'Too late' },
      { 'if-match': `"${scheduled.body.version}"` },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('concurrency-conflict');
    expect((await mentee.get(`/sessions/${sessionId}`)).body.agenda).toEqual([]);

    const added = await mentor.post(
      `/sessions/${sessionId}/agenda`,
      { text: 'On time' },
      { 'if-match': `"${moved.body.version}"` },
    );
    expect(added.status).toBe(201);
    expect(added.body.agenda).toEqual([expect.objectContaining({ text: 'On time', addedBy: pair.mentorId })]);
    expect(added.headers.get('etag')).toBe(`"${moved.body.version}"`);
  });

  it("links agenda items to the relationship's own goals only", async () => {
    await waitFor(
      async () =>
        (await mentor.post(`/sessions/${sessionId}/agenda`, { text: 'Review the goal', goalId })).status ===
        201,
      { timeoutMs: 90_000, description: 'goal learned from the goals topic' },
    );
    const refused = await mentor.post(`/sessions/${sessionId}/agenda`, {
      text: 'Not ours',
      goalId: 'g-of-others',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('unknown-goal');
    const session = await mentee.get(`/sessions/${sessionId}`);
    expect(session.body.agenda).toEqual([
      expect.objectContaining({ text: 'Review the goal', goalId, addedBy: pair.mentorId }),
    ]);
  });
});
