import { randomUUID } from 'node:crypto';
import { EventStore } from '@tandem/eventstore';
import type { EventEnvelope } from '@tandem/events';
import type { ServiceApi } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import {
  programCreated,
  relationshipFixture,
  relationshipStream,
  startSessionsApi,
  type ApiClient,
  type RelationshipFixture,
} from './sessions-api.test-kit';

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

// Kafka consumer-group joins and deliveries are slow when the shared machine is busy.
jest.setTimeout(180_000);

/** The main flow: relationships learned from matching's events, then a session from scheduling to feedback. */
describe('sessions service lifecycle', () => {
  let api: ServiceApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  let pair: RelationshipFixture;
  let mentor: ApiClient;
  let mentee: ApiClient;

  const statusOf = async (f: RelationshipFixture) => {
    const response = await api
      .as(f.tenantId, 'platform-1', ['platform-admin'])
      .get(`/relationships/${f.relationshipId}/history`);
    return response.status === 200 ? (response.body.relationshipStatus as string) : `http-${response.status}`;
  };
  const eventsOf = (type: string, sessionId: string) =>
    api.events.filter((e) => e.type === type && (e.data as { sessionId?: string }).sessionId === sessionId);

  beforeAll(async () => {
    api = await startSessionsApi();
    pair = relationshipFixture(tenant);
    mentor = api.as(tenant, pair.mentorId, ['participant']);
    mentee = api.as(tenant, pair.menteeId, ['participant']);
    await api.publish([
      programCreated(pair, ['admin-1']),
      ...relationshipStream(pair, ['proposed', 'started']),
    ]);
    await waitFor(async () => (await statusOf(pair)) === 'active', {
      timeoutMs: 150_000,
      description: 'relationship learned from matching',
    });
  }, 180_000);
  afterAll(() => api.close());

  it('ends in the same state whatever the order of matching events, and under duplicates', async () => {
    const steps = ['proposed', 'started', 'paused', 'resumed', 'paused'] as const;
    const inOrder = relationshipFixture(tenant);
    const shuffled = relationshipFixture(tenant);
    const shuffledStream = relationshipStream(shuffled, steps);
    const reordered = [4, 2, 0, 4, 3, 1, 2, 0].map((i) => shuffledStream[i] as EventEnvelope);
    await api.publish([
      ...relationshipStream(inOrder, steps),
      programCreated(shuffled, ['admin-1']),
      ...reordered,
      programCreated(inOrder, ['admin-1']),
    ]);
    await waitFor(
      async () => (await statusOf(inOrder)) === 'paused' && (await statusOf(shuffled)) === 'paused',
      {
        timeoutMs: 90_000,
        description: 'both relationships paused',
      },
    );
    const ended = relationshipFixture(tenant);
    const [proposed, started, endedEvent] = relationshipStream(ended, ['proposed', 'started', 'ended']) as [
      EventEnvelope,
      EventEnvelope,
      EventEnvelope,
    ];
    await api.publish([endedEvent, proposed, programCreated(ended, ['admin-1']), endedEvent, started]);
    await waitFor(async () => (await statusOf(ended)) === 'ended', {
      timeoutMs: 90_000,
      description: 'ended relationship',
    });
    const scheduled = await api.as(tenant, ended.menteeId, ['participant']).post('/sessions', {
      relationshipId: ended.relationshipId,
      startsAt: hoursFromNow(24),
      durationMinutes: 30,
      format: 'video',
    });
    expect(scheduled.status).toBe(409);
    expect(scheduled.body.code).toBe('relationship-not-active');
    const paused = await api.as(tenant, shuffled.menteeId, ['participant']).post('/sessions', {
      relationshipId: shuffled.relationshipId,
      startsAt: hoursFromNow(24),
      durationMinutes: 30,
      format: 'video',
    });
    expect(paused.status).toBe(409);
  });

  it('schedules, reschedules, holds and collects feedback and action items on a session', async () => {
    const created = await mentee.post('/sessions', {
      relationshipId: pair.relationshipId,
      startsAt: hoursFromNow(-2),
      durationMinutes: 45,
      format: 'in-person',
      location: 'Room 4.12',
      agenda: [{ text: 'Talk about the promotion case' }],
    });
    expect(created.status).toBe(201);
    const sessionId = created.body.sessionId as string;
    expect(created.body).toMatchObject({
      status: 'scheduled',
      format: 'in-person',
      location: 'Room 4.12',
      memberIds: [...pair.mentorIds, ...pair.menteeIds],
    });
    expect(created.body.agenda).toEqual([
      expect.objectContaining({ text: 'Talk about the promotion case', addedBy: pair.menteeId }),
    ]);

    const etag = (await mentor.get(`/sessions/${sessionId}`)).headers.get('etag');
    expect(etag).toBe(`"${created.body.version}"`);
    const moved = await mentor.post(
      `/sessions/${sessionId}/reschedule`,
      { startsAt: hoursFromNow(-1) },
      { 'if-match': etag ?? '' },
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ sequence: 1, durationMinutes: 45 });
    expect(
      (
        await mentor.post(
          `/sessions/${sessionId}/reschedule`,
          { startsAt: hoursFromNow(-1) },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(412);

    const held = await mentor.post(`/sessions/${sessionId}/held`, {
      attendeeIds: [...pair.mentorIds, ...pair.menteeIds],
      actualDurationMinutes: 50,
    });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ status: 'held', actualDurationMinutes: 50 });

    const feedback = await mentee.post(`/sessions/${sessionId}/feedback`, {
      rating: 5,
      mentorRating: 4,
      comment: 'Very useful',
    });
    expect(feedback.status).toBe(201);
    const again = await mentee.post(`/sessions/${sessionId}/feedback`, { rating: 3 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('feedback-already-submitted');
    expect(
      (await mentor.post(`/sessions/${sessionId}/feedback`, { rating: 4, mentorRating: 5 })).status,
    ).toBe(400);
    expect((await mentor.post(`/sessions/${sessionId}/feedback`, { rating: 4 })).status).toBe(201);

    const item = await mentor.post(`/sessions/${sessionId}/action-items`, {
      text: 'Draft the case',
      assigneeId: pair.menteeId,
      dueOn: '2030-01-31',
    });
    expect(item.status).toBe(201);
    const actionItemId = item.body.actionItems[0].actionItemId as string;
    const open = await mentee.get('/action-items');
    expect(open.body.items).toEqual([
      expect.objectContaining({ actionItemId, text: 'Draft the case', dueOn: '2030-01-31' }),
    ]);
    expect((await mentee.post(`/sessions/${sessionId}/action-items/${actionItemId}/complete`)).status).toBe(
      200,
    );
    expect((await mentee.post(`/sessions/${sessionId}/action-items/${actionItemId}/complete`)).status).toBe(
      409,
    );
    expect((await mentee.get('/action-items')).body.items).toEqual([]);

    await api.waitForEvents(
      (events) =>
        events.some(
          (e) =>
            e.type === 'sessions.action-item.completed' &&
            (e.data as { sessionId: string }).sessionId === sessionId,
        ),
      90_000,
    );
    expect(eventsOf('sessions.session.scheduled', sessionId).map((e) => e.data)).toEqual([
      expect.objectContaining({ format: 'in-person', durationMinutes: 45 }),
    ]);
    expect(eventsOf('sessions.session.feedback-submitted', sessionId).map((e) => e.data)).toEqual([
      expect.objectContaining({ participantId: pair.menteeId, rating: 5, helpful: true, mentorRating: 4 }),
      expect.objectContaining({ participantId: pair.mentorId, rating: 4 }),
    ]);
    // Free text never travels in events.
    expect(JSON.stringify(api.events)).not.toMatch(/Room 4\.12|promotion|Very useful|Draft the case/);

    const history = await mentee.get(`/relationships/${pair.relationshipId}/history`);
    expect(history.body.totals).toMatchObject({ sessions: 1, held: 1, heldMinutes: 50, cancelled: 0 });
  });

  it('lists upcoming and past sessions of a relationship and of a participant, and cancels', async () => {
    const upcoming = await mentor.post('/sessions', {
      relationshipId: pair.relationshipId,
      startsAt: hoursFromNow(48),
      durationMinutes: 30,
      format: 'call',
      kind: 'check-in',
    });
    expect(upcoming.status).toBe(201);
    const sessionId = upcoming.body.sessionId as string;
    const listed = await mentee.get(`/sessions?relationshipId=${pair.relationshipId}&when=upcoming`);
    expect(listed.body.items.map((s: { sessionId: string }) => s.sessionId)).toEqual([sessionId]);
    const past = await mentee.get('/sessions?when=past');
    expect(past.body.items.length).toBeGreaterThanOrEqual(1);
    expect(past.body.items.every((s: { sessionId: string }) => s.sessionId !== sessionId)).toBe(true);
    const cancelled = await mentee.post(`/sessions/${sessionId}/cancel`, { reason: 'travel' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 1 });
    expect(
      (
        await mentee.post(`/sessions/${sessionId}/held`, {
          attendeeIds: pair.menteeIds,
          actualDurationMinutes: 10,
        })
      ).status,
    ).toBe(409);
    const admin = api.as(tenant, 'admin-1', ['program-admin']);
    expect(
      (await admin.get(`/sessions?participantId=${pair.menteeId}`)).body.items.map(
        (s: { sessionId: string }) => s.sessionId,
      ),
    ).toContain(sessionId);
  });

  it('pages the sessions of a relationship: every session once, in order, and refuses a forged cursor', async () => {
    for (const hours of [72, 96, 96]) {
      const scheduled = await mentor.post('/sessions', {
        relationshipId: pair.relationshipId,
        startsAt: hoursFromNow(hours),
        durationMinutes: 30,
        format: 'video',
      });
      expect(scheduled.status).toBe(201);
    }
    const idsOf = (body: { items: { sessionId: string }[] }) => body.items.map((s) => s.sessionId);
    const all = await mentee.get(`/sessions?relationshipId=${pair.relationshipId}&limit=500`);
    expect(all.body.nextCursor).toBeUndefined();
    expect(all.body.items.length).toBeGreaterThanOrEqual(3);
    const starts = all.body.items.map((s: { startsAt: string }) => s.startsAt);
    expect(starts).toEqual([...starts].sort());
    const first = await mentee.get(`/sessions?relationshipId=${pair.relationshipId}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const walked = [...idsOf(first.body)];
    let cursor: string | undefined = first.body.nextCursor;
    expect(cursor).toEqual(expect.any(String));
    while (cursor !== undefined) {
      const page = await mentee.get(
        `/sessions?relationshipId=${pair.relationshipId}&limit=2&cursor=${encodeURIComponent(cursor)}`,
      );
      expect(page.status).toBe(200);
      walked.push(...idsOf(page.body));
      cursor = page.body.nextCursor;
    }
    expect(walked).toEqual(idsOf(all.body));
    expect(new Set(walked).size).toBe(walked.length);

    const forged = await mentee.get(`/sessions?relationshipId=${pair.relationshipId}&cursor=not-a-cursor`);
    expect(forged.status).toBe(400);
    expect(forged.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });

  it('refuses a command with a stale If-Match (412) and changes nothing; each answer carries its version as ETag', async () => {
    const created = await mentee.post('/sessions', {
      relationshipId: pair.relationshipId,
      startsAt: hoursFromNow(120),
      durationMinutes: 30,
      format: 'chat',
    });
    expect(created.headers.get('etag')).toBe(`"${created.body.version}"`);
    const sessionId = created.body.sessionId as string;
    const moved = await mentee.post(`/sessions/${sessionId}/reschedule`, { startsAt: hoursFromNow(121) });
    expect(moved.headers.get('etag')).toBe(`"${moved.body.version}"`);
    expect(moved.body.version).toBe(created.body.version + 1);

    const stale = `"${created.body.version}"`;
    const refused = [
      await mentee.post(`/sessions/${sessionId}/cancel`, { reason: 'travel' }, { 'if-match': stale }),
      await mentor.post(
        `/sessions/${sessionId}/action-items`,
        { text: 'Prepare questions', assigneeId: pair.menteeId },
        { 'if-match': stale },
      ),
    ];
    expect(refused.map((r) => [r.status, r.body.code])).toEqual([
      [412, 'concurrency-conflict'],
      [412, 'concurrency-conflict'],
    ]);
    const unchanged = await mentee.get(`/sessions/${sessionId}`);
    expect(unchanged.body).toMatchObject({
      status: 'scheduled',
      version: moved.body.version,
      actionItems: [],
    });
    expect(unchanged.headers.get('etag')).toBe(`"${moved.body.version}"`);
    const stream = await api.app.get(EventStore).readStream(tenant, `session-${sessionId}`);
    expect(stream.version).toBe(moved.body.version);

    const cancelled = await mentee.post(
      `/sessions/${sessionId}/cancel`,
      { reason: 'travel' },
      { 'if-match': unchanged.headers.get('etag') ?? '' },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', version: moved.body.version + 1 });
    expect(cancelled.headers.get('etag')).toBe(`"${cancelled.body.version}"`);
  });

  it('invites every member of a group and records attendance and absence per member', async () => {
    const group = relationshipFixture(tenant, 3);
    await api.publish([
      programCreated(group, ['admin-1']),
      ...relationshipStream(group, ['proposed', 'started']),
    ]);
    await waitFor(async () => (await statusOf(group)) === 'active', {
      timeoutMs: 90_000,
      description: 'group relationship learned',
    });
    const admin = api.as(tenant, 'admin-1', ['program-admin']);
    const schedule = () =>
      admin.post('/sessions', {
        relationshipId: group.relationshipId,
        startsAt: hoursFromNow(-1),
        durationMinutes: 60,
        format: 'video',
      });
    const [first, second] = [await schedule(), await schedule()];
    expect(first.body.memberIds).toEqual([group.mentorId, ...group.menteeIds]);
    const [menteeA, menteeB, menteeC] = group.menteeIds as [string, string, string];
    const held = await admin.post(`/sessions/${first.body.sessionId}/held`, {
      attendeeIds: [group.mentorId, menteeA, menteeC],
      actualDurationMinutes: 55,
    });
    expect(held.body.attendeeIds).toEqual([group.mentorId, menteeA, menteeC]);
    const missed = await api
      .as(tenant, menteeB, ['participant'])
      .post(`/sessions/${second.body.sessionId}/no-show`, { absentIds: [group.mentorId] });
    expect(missed.body).toMatchObject({ status: 'no-show', absentIds: [group.mentorId] });
    expect((await admin.post(`/sessions/${first.body.sessionId}/feedback`, { rating: 5 })).status).toBe(403);
    expect(
      (
        await api
          .as(tenant, menteeC, ['participant'])
          .post(`/sessions/${first.body.sessionId}/feedback`, { rating: 4 })
      ).status,
    ).toBe(201);
    const history = await api
      .as(tenant, menteeB, ['participant'])
      .get(`/relationships/${group.relationshipId}/history`);
    expect(history.body.totals).toMatchObject({ sessions: 2, held: 1, noShows: 1, heldMinutes: 55 });
  });

  it('builds the read model from its own topic when a write never projected (a crash between append and projection)', async () => {
    const sessionId = randomUUID();
    await api.app.get(EventStore).append(tenant, `session-${sessionId}`, 0, [
      {
        type: 'sessions.session.scheduled',
        data: {
          sessionId,
          relationshipId: pair.relationshipId,
          programId: pair.programId,
          scheduledBy: pair.mentorId,
          kind: 'check-in',
          startsAt: hoursFromNow(5),
          durationMinutes: 20,
        },
      },
    ]);
    await waitFor(async () => (await mentee.get(`/sessions/${sessionId}`)).status === 200, {
      timeoutMs: 90_000,
      description: 'session projected from the topic',
    });
    expect((await mentee.get(`/sessions/${sessionId}`)).body).toMatchObject({
      status: 'scheduled',
      kind: 'check-in',
      memberIds: [pair.mentorId, pair.menteeId],
      version: 1,
    });
  });

  it('describes its routes in OpenAPI', async () => {
    const document = (await (await fetch(`${api.url}/api/sessions/docs/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/sessions/v1/sessions',
        '/api/sessions/v1/sessions/{sessionId}/feedback',
        '/api/sessions/v1/sessions/{sessionId}/action-items/{actionItemId}/complete',
        '/api/sessions/v1/relationships/{relationshipId}/calendar.ics',
      ]),
    );
  });
});
