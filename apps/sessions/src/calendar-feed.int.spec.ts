import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { MongoConnection } from '@tandem/runtime';
import type { OpenAPIObject } from '@nestjs/swagger';
import ICAL from 'ical.js';
import { OpenApiContract, testEnvelope, type ServiceApi } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import {
  programCreated,
  relationshipFixture,
  relationshipStream,
  startSessionsApi,
  type ApiClient,
  type RelationshipFixture,
} from './sessions-api.test-kit';
import { CalendarFeeds } from './calendar/calendar-feeds';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

// Kafka consumer-group joins and deliveries are slow when the shared machine is busy.
jest.setTimeout(180_000);

/** The iCalendar feeds behind per-person secret addresses, read with an independent parser. */
describe('calendar feeds', () => {
  let api: ServiceApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  let pair: RelationshipFixture;
  let mentee: ApiClient;

  let contract: OpenApiContract;
  // Calendars send no token, so feeds are fetched bare; their answers still keep the OpenAPI contract.
  const fetchFeed = async (path: string) => {
    const response = await fetch(`${api.url}${path}`);
    const feed = {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
    const body = feed.type?.includes('json') ? JSON.parse(feed.text) : feed.text;
    expect(contract.violations('GET', response.url, feed.status, feed.type, body)).toEqual([]);
    return feed;
  };
  const eventsOf = (text: string) =>
    new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => ({
      uid: vevent.getFirstPropertyValue('uid'),
      status: vevent.getFirstPropertyValue('status'),
      sequence: vevent.getFirstPropertyValue('sequence'),
      start: new ICAL.Event(vevent).startDate.toJSDate().toISOString(),
    }));

  beforeAll(async () => {
    api = await startSessionsApi();
    const document = await fetch(`${api.url}/api/sessions/docs/openapi.json`);
    contract = new OpenApiContract((await document.json()) as OpenAPIObject);
    pair = relationshipFixture(tenant);
    mentee = api.as(tenant, pair.menteeId, ['participant']);
    await api.publish([
      programCreated(pair, ['admin-1']),
      ...relationshipStream(pair, ['proposed', 'started']),
    ]);
    await waitFor(
      async () => (await mentee.get(`/relationships/${pair.relationshipId}/history`)).status === 200,
      {
        timeoutMs: 150_000,
        description: 'relationship learned from matching',
      },
    );
  }, 180_000);
  afterAll(() => api.close());

  it('serves scheduled, rescheduled and cancelled sessions by UID and SEQUENCE, and rotates the secret', async () => {
    const kept = await mentee.post('/sessions', {
      relationshipId: pair.relationshipId,
      startsAt: inDays(2),
      durationMinutes: 30,
      format: 'video',
    });
    const dropped = await mentee.post('/sessions', {
      relationshipId: pair.relationshipId,
      startsAt: inDays(3),
      durationMinutes: 30,
      format: 'call',
    });
    const movedTo = new Date(Date.parse(inDays(4))).toISOString().replace(/\.\d{3}Z$/, '.000Z');
    await mentee.post(`/sessions/${kept.body.sessionId}/reschedule`, { startsAt: movedTo });
    await mentee.post(`/sessions/${dropped.body.sessionId}/cancel`, { reason: 'travel' });

    const { body: issued } = await mentee.post('/calendar-feeds');
    const relationshipFeed = await fetchFeed(
      issued.relationshipFeedPath.replace('{relationshipId}', pair.relationshipId),
    );
    expect(relationshipFeed.status).toBe(200);
    expect(relationshipFeed.type).toMatch(/^text\/calendar/);
    expect(eventsOf(relationshipFeed.text)).toEqual(
      expect.arrayContaining([
        { uid: `${kept.body.sessionId}@sessions.tandem`, status: 'CONFIRMED', sequence: 1, start: movedTo },
        expect.objectContaining({
          uid: `${dropped.body.sessionId}@sessions.tandem`,
          status: 'CANCELLED',
          sequence: 1,
        }),
      ]),
    );
    const participantFeed = await fetchFeed(issued.participantFeedPath);
    expect(eventsOf(participantFeed.text)).toHaveLength(2);

    const { body: rotated } = await mentee.post('/calendar-feeds');
    expect((await fetchFeed(issued.participantFeedPath)).status).toBe(404);
    expect((await fetchFeed(rotated.participantFeedPath)).status).toBe(200);
  });

  it('keeps exactly one valid secret after five parallel rotations', async () => {
    const rotator = api.as(tenant, `rotator-${randomUUID().slice(0, 8)}`, ['participant']);
    const rotations = await Promise.all(Array.from({ length: 5 }, () => rotator.post('/calendar-feeds')));
    expect(rotations.map((rotation) => rotation.status)).toEqual([201, 201, 201, 201, 201]);
    const statuses = await Promise.all(
      rotations.map(async ({ body }) => (await fetchFeed(body.participantFeedPath)).status),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 404)).toHaveLength(4);
  });

  it('stops a feed when its person is deactivated in the directory, and issues none until reactivated', async () => {
    const mentor = api.as(tenant, pair.mentorId, ['participant']);
    const { body: issued } = await mentor.post('/calendar-feeds');
    expect((await fetchFeed(issued.participantFeedPath)).status).toBe(200);
    const person = { tenantId: tenant, streamId: `person-${pair.mentorId}` };
    const fact = { userId: pair.mentorId, by: 'scim-token:it', source: 'scim' as const };
    await api.publish([testEnvelope('matching.person.deactivated', fact, { ...person, streamVersion: 2 })]);
    await waitFor(async () => (await fetch(`${api.url}${issued.participantFeedPath}`)).status === 404, {
      timeoutMs: 60_000,
      description: 'the deactivated person’s feed to stop',
    });
    expect((await mentor.post('/calendar-feeds')).status).toBe(403);

    await api.publish([testEnvelope('matching.person.reactivated', fact, { ...person, streamVersion: 3 })]);
    const renewed = await waitFor(
      async () => {
        const answer = await mentor.post('/calendar-feeds');
        return answer.status === 201 && answer.body;
      },
      { timeoutMs: 60_000, description: 'a reactivated person to get a feed again' },
    );
    expect((await fetchFeed(renewed.participantFeedPath)).status).toBe(200);
    expect((await fetchFeed(issued.participantFeedPath)).status).toBe(404);
  });

  it('keeps feed addresses issued before one-secret-per-person working, unless their owner rotated since', async () => {
    const db = api.app.get(MongoConnection).db;
    const [kept, replaced] = [`kept-${randomUUID().slice(0, 8)}`, `replaced-${randomUUID().slice(0, 8)}`];
    const oldSecrets = {
      kept: randomBytes(32).toString('base64url'),
      replaced: randomBytes(32).toString('base64url'),
    };
    const versionOne = (userId: string, secret: string, createdAt: string) => ({
      _id: createHash('sha256').update(secret).digest('hex') as never,
      tenantId: tenant,
      userId,
      roles: ['participant'],
      createdAt,
    });
    const { body: rotatedSince } = await api.as(tenant, replaced, ['participant']).post('/calendar-feeds');
    const stale = randomBytes(32).toString('base64url');
    await db
      .collection('calendar_feeds')
      .insertMany([
        versionOne(kept, stale, '2026-01-01T00:00:00.000Z'),
        versionOne(kept, oldSecrets.kept, '2026-02-01T00:00:00.000Z'),
        versionOne(replaced, oldSecrets.replaced, '2026-02-01T00:00:00.000Z'),
      ]);
    expect(await api.app.get(CalendarFeeds).moveVersionOneFeeds()).toBe(1);
    const feed = (secret: string) => fetchFeed(`/api/sessions/v1/calendar/${secret}/sessions.ics`);
    expect((await feed(oldSecrets.kept)).status).toBe(200);
    expect((await feed(stale)).status).toBe(404);
    expect((await feed(oldSecrets.replaced)).status).toBe(404);
    expect((await fetchFeed(rotatedSince.participantFeedPath)).status).toBe(200);
    expect(await db.listCollections({ name: 'calendar_feeds' }).toArray()).toEqual([]);
  });

  it("answers 404 for an unknown secret and for a relationship the secret's owner is not part of", async () => {
    expect(
      (await fetchFeed('/api/sessions/v1/calendar/not-a-real-secret-at-all-000/sessions.ics')).status,
    ).toBe(404);
    const { body: outsider } = await api.as(tenant, 'someone-else', ['participant']).post('/calendar-feeds');
    const response = await fetchFeed(
      outsider.relationshipFeedPath.replace('{relationshipId}', pair.relationshipId),
    );
    expect(response.status).toBe(404);
    // `instance` echoes the requested path without its query (the secret); nothing else may name the relationship.
    const feedPath = outsider.relationshipFeedPath.replace('{relationshipId}', pair.relationshipId);
    const { instance, ...problem } = JSON.parse(response.text) as Record<string, unknown>;
    expect(instance).toBe(feedPath.split('?')[0]);
    expect(JSON.stringify(problem)).not.toContain(pair.relationshipId);
  });
});
