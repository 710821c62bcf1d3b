import { createHash, randomUUID } from 'node:crypto';
import type { ServiceApi } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import {
  programCreated,
  relationshipFixture,
  relationshipStream,
  startSessionsApi,
  type ApiClient,
  type RelationshipFixture,
} from '../sessions-api.test-kit';

// Kafka consumer-group joins and deliveries are slow when the shared machine is busy.
jest.setTimeout(180_000);

/** The right of access: a person's own data from every read model, another person's text never. */
describe('GET /people/:userId/personal-data', () => {
  let api: ServiceApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  const mark = randomUUID().slice(0, 8);
  // Texts written in a session both attend: A's must be in A's export, B's must not.
  const texts = {
    aAgenda: `mentee agenda ${mark}`,
    aNote: `mentee note ${mark}`,
    aComment: `mentee comment ${mark}`,
    aItem: `mentee action ${mark}`,
    bAgenda: `mentor agenda ${mark}`,
    bNote: `mentor note ${mark}`,
    bComment: `mentor comment ${mark}`,
    bItem: `mentor action ${mark}`,
  };
  const location = `Room ${mark}`;
  let pair: RelationshipFixture;
  let menteeA: ApiClient;
  let mentorB: ApiClient;
  let sessionId: string;
  let feedSecret: string;
  const exportPath = () => `/people/${pair.menteeId}/personal-data`;

  beforeAll(async () => {
    api = await startSessionsApi();
    pair = relationshipFixture(tenant);
    menteeA = api.as(tenant, pair.menteeId, ['participant']);
    mentorB = api.as(tenant, pair.mentorId, ['participant']);
    await api.publish([
      programCreated(pair, ['admin-1']),
      ...relationshipStream(pair, ['proposed', 'started']),
    ]);
    await waitFor(
      async () => (await menteeA.get(`/relationships/${pair.relationshipId}/history`)).status === 200,
      { timeoutMs: 150_000, description: 'relationship learned' },
    );
    const ok = async (answer: Promise<{ status: number; body: unknown }>, status = 201) => {
      const { status: got, body } = await answer;
      expect({ got, body }).toEqual({ got: status, body: expect.anything() });
      return body as Record<string, unknown>;
    };
    const scheduled = await ok(
      menteeA.post('/sessions', {
        relationshipId: pair.relationshipId,
        startsAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
        durationMinutes: 45,
        format: 'in-person',
        location,
        agenda: [{ text: texts.aAgenda }],
      }),
    );
    sessionId = scheduled.sessionId as string;
    await ok(mentorB.post(`/sessions/${sessionId}/agenda`, { text: texts.bAgenda }));
    await ok(
      mentorB.post(`/sessions/${sessionId}/held`, {
        attendeeIds: [pair.mentorId, pair.menteeId],
        actualDurationMinutes: 40,
      }),
      200,
    );
    await ok(menteeA.post(`/sessions/${sessionId}/notes`, { text: texts.aNote, visibility: 'private' }));
    // Shared: A may read it on the session, but it is B's text, not A's data.
    await ok(mentorB.post(`/sessions/${sessionId}/notes`, { text: texts.bNote, visibility: 'shared' }));
    await ok(
      menteeA.post(`/sessions/${sessionId}/feedback`, {
        rating: 5,
        mentorRating: 4,
        comment: texts.aComment,
        commentVisibility: 'shared',
      }),
    );
    await ok(
      mentorB.post(`/sessions/${sessionId}/feedback`, {
        rating: 3,
        menteeRatings: [{ menteeId: pair.menteeId, rating: 2 }],
        comment: texts.bComment,
        commentVisibility: 'shared',
      }),
    );
    await ok(
      mentorB.post(`/sessions/${sessionId}/action-items`, { text: texts.aItem, assigneeId: pair.menteeId }),
    );
    await ok(
      menteeA.post(`/sessions/${sessionId}/action-items`, { text: texts.bItem, assigneeId: pair.mentorId }),
    );
    feedSecret = (await ok(menteeA.post('/calendar-feeds'))).secret as string;
  }, 180_000);
  afterAll(() => api.close());

  it("gives the person their sessions, notes, feedback, action items and feed, and none of the other party's text", async () => {
    const answer = await menteeA.get(exportPath());
    expect(answer.status).toBe(200);
    const body = answer.body;
    expect(body).toMatchObject({ service: 'sessions', userId: pair.menteeId });
    expect(body.relationships).toEqual([
      {
        relationshipId: pair.relationshipId,
        programId: pair.programId,
        role: 'mentee',
        status: 'active',
        mentorIds: [pair.mentorId],
        menteeIds: [pair.menteeId],
        activeSince: expect.any(String),
      },
    ]);
    expect(body.sessions).toEqual([
      expect.objectContaining({
        sessionId,
        relationshipId: pair.relationshipId,
        status: 'held',
        format: 'in-person',
        location,
        memberIds: [pair.mentorId, pair.menteeId],
        attendeeIds: [pair.mentorId, pair.menteeId],
        agenda: [
          expect.objectContaining({ text: texts.aAgenda, addedBy: pair.menteeId }),
          { agendaItemId: expect.any(String), addedBy: pair.mentorId },
        ],
      }),
    ]);
    expect(body.notes).toEqual([
      expect.objectContaining({ sessionId, text: texts.aNote, visibility: 'private' }),
    ]);
    expect(body.feedback).toEqual([
      {
        sessionId,
        relationshipId: pair.relationshipId,
        heldAt: expect.any(String),
        rating: 5,
        helpful: true,
        mentorRating: 4,
        comment: texts.aComment,
        commentVisibility: 'shared',
      },
    ]);
    expect(body.actionItems).toEqual([
      expect.objectContaining({ sessionId, assigneeId: pair.menteeId, text: texts.aItem }),
    ]);
    expect(body.calendarFeed).toEqual({
      status: 'active',
      since: expect.any(String),
      roles: ['participant'],
    });

    const json = JSON.stringify(body);
    for (const own of [texts.aAgenda, texts.aNote, texts.aComment, texts.aItem]) expect(json).toContain(own);
    // Neither the feed's secret nor the hash stored in its place.
    const feedHash = createHash('sha256').update(feedSecret).digest('hex');
    for (const others of [texts.bAgenda, texts.bNote, texts.bComment, texts.bItem, feedSecret, feedHash])
      expect(json).not.toContain(others);

    const asPlatformAdmin = await api.as(tenant, 'platform-1', ['platform-admin']).get(exportPath());
    expect(asPlatformAdmin.status).toBe(200);
    expect(asPlatformAdmin.body).toEqual(body);
  });

  it("holds the other party's texts in their own export (so their absence above means something)", async () => {
    const answer = await mentorB.get(`/people/${pair.mentorId}/personal-data`);
    expect(answer.status).toBe(200);
    const json = JSON.stringify(answer.body);
    for (const own of [texts.bAgenda, texts.bNote, texts.bComment, texts.bItem]) expect(json).toContain(own);
    for (const others of [texts.aAgenda, texts.aNote, texts.aComment, texts.aItem])
      expect(json).not.toContain(others);
    expect(answer.body.feedback).toEqual([
      expect.objectContaining({ menteeRatings: [{ menteeId: pair.menteeId, rating: 2 }] }),
    ]);
    expect(answer.body.calendarFeed).toBeNull();
  });

  it('lists the programs a person administers', async () => {
    const answer = await api.as(tenant, 'admin-1', ['program-admin']).get('/people/admin-1/personal-data');
    expect(answer.status).toBe(200);
    expect(answer.body.administeredProgramIds).toEqual([pair.programId]);
    expect(answer.body.relationships).toEqual([]);
  });

  it("refuses anyone else's export to anyone but a platform admin (403)", async () => {
    for (const caller of [
      mentorB,
      api.as(tenant, 'admin-1', ['program-admin']),
      api.as(tenant, 'analyst-1', ['analyst']),
    ]) {
      const refused = await caller.get(exportPath());
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'forbidden' });
      expect(JSON.stringify(refused.body)).not.toContain(mark);
    }
  });

  it("gives a platform admin of another tenant empty sections: the person's data stays in their tenant", async () => {
    const answer = await api.as(`other-${mark}`, 'platform-2', ['platform-admin']).get(exportPath());
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      service: 'sessions',
      userId: pair.menteeId,
      relationships: [],
      administeredProgramIds: [],
      sessions: [],
      notes: [],
      feedback: [],
      actionItems: [],
      calendarFeed: null,
    });
  });
});
