import { randomUUID } from 'node:crypto';
import { EventStore } from '@tandem/eventstore';
import { MongoConnection } from '@tandem/runtime';
import { createApiClient, freezeNext, type ServiceApi } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import { SessionViewProjection } from '../../read-models/session-view/session-view-projection';
import {
  programCreated,
  relationshipFixture,
  relationshipStream,
  startSessionsApi,
  type ApiClient,
  type RelationshipFixture,
} from '../../sessions-api.test-kit';

// Kafka consumer-group joins and deliveries are slow when the shared machine is busy.
jest.setTimeout(180_000);

/**
 * A process killed in the middle of scheduling (kill -9: nothing after that point runs, no cleanup)
 * leaves the session complete or absent, never stored without its details. The kill is simulated
 * by freezing the next step, then failing it with an error no handler treats as a refusal.
 */
describe('scheduling a session survives a crash at any point', () => {
  let api: ServiceApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  let pair: RelationshipFixture;
  let mentee: ApiClient;
  // The 500 of a simulated kill is no answer of the API: those requests go without the contract check.
  let killedMentee: ApiClient;
  const request = (location: string) => ({
    relationshipId: pair.relationshipId,
    startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    durationMinutes: 45,
    format: 'in-person',
    location,
    agenda: [{ text: `Agenda at ${location}` }],
  });
  const listed = async () =>
    (await mentee.get(`/sessions?relationshipId=${pair.relationshipId}`)).body.items.map(
      (s: { sessionId: string }) => s.sessionId,
    );
  beforeAll(async () => {
    api = await startSessionsApi();
    pair = relationshipFixture(tenant);
    mentee = api.as(tenant, pair.menteeId, ['participant']);
    killedMentee = createApiClient(
      api.url,
      'sessions',
      pair.menteeId,
      api.token(tenant, pair.menteeId, ['participant']),
    );
    await api.publish([
      programCreated(pair, ['admin-1']),
      ...relationshipStream(pair, ['proposed', 'started']),
    ]);
    await waitFor(
      async () => (await mentee.get(`/relationships/${pair.relationshipId}/history`)).status === 200,
      { timeoutMs: 150_000, description: 'relationship learned from matching' },
    );
  }, 180_000);
  afterAll(() => api.close());

  it('killed after saving the details, before the append: no session, and the details stay invisible', async () => {
    const db = api.app.get(MongoConnection).db;
    const frozen = freezeNext(api.app.get(EventStore), 'append');
    const inFlight = killedMentee.post('/sessions', request('Room 1'));
    await frozen.reached();
    const orphan = await db.collection('session_details').findOne({ 'agenda.text': 'Agenda at Room 1' });
    expect(orphan).not.toBeNull();
    frozen.kill();
    expect((await inFlight).status).toBe(500);
    const sessionId = orphan?.['sessionId'] as string;
    expect((await mentee.get(`/sessions/${sessionId}`)).status).toBe(404);
    expect(await listed()).not.toContain(sessionId);
    expect(await db.collection('events').countDocuments({ streamId: `session-${sessionId}` })).toBe(0);

    // The client's retry (its outcome was unknown) schedules the session whole.
    const retried = await mentee.post('/sessions', request('Room 1'));
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({
      location: 'Room 1',
      agenda: [expect.objectContaining({ text: 'Agenda at Room 1' })],
    });
    expect(await listed()).toEqual([retried.body.sessionId]);
  });

  it('killed after the append, before projecting: the session appears from the topic with its details', async () => {
    const frozen = freezeNext(api.app.get(SessionViewProjection), 'applyAppended');
    const inFlight = killedMentee.post('/sessions', request('Room 2'));
    await frozen.reached();
    const [, sessionId] = frozen.spy.mock.calls[0] as unknown as [string, string];
    frozen.kill();
    expect((await inFlight).status).toBe(500);
    await waitFor(async () => (await mentee.get(`/sessions/${sessionId}`)).status === 200, {
      timeoutMs: 90_000,
      description: 'session projected from the topic',
    });
    expect((await mentee.get(`/sessions/${sessionId}`)).body).toMatchObject({
      status: 'scheduled',
      format: 'in-person',
      location: 'Room 2',
      agenda: [expect.objectContaining({ text: 'Agenda at Room 2' })],
      version: 1,
    });
  });

  it('takes the details back when the schedule is refused, so a refusal writes nothing', async () => {
    const details = api.app.get(MongoConnection).db.collection('session_details');
    const before = await details.countDocuments();
    const refused = await mentee.post('/sessions', {
      ...request('Room 3'),
      startsAt: new Date(Date.now() + 400 * 86_400_000).toISOString(),
    });
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 400,
      code: 'start-out-of-range',
    });
    expect(await details.countDocuments()).toBe(before);
  });
});
