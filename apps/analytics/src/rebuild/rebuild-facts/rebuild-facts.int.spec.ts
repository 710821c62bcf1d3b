import { randomUUID } from 'node:crypto';
import { eventDefinition, toKafkaRecord, topicOf, type EventEnvelope } from '@tandem/events';
import { deleteRecordsBefore, TransactionalPublisher } from '@tandem/messaging';
import { startServiceApi, testEnvelope, type ApiClient, type ServiceApi } from '@tandem/runtime/testing';
import { testInfra, waitFor } from '@tandem/testing';
import { analyticsService } from '../../analytics.module';
import { programCreatedData } from '../../recorded-facts.test-kit';

const TIME = '2026-01-05T09:00:00.000Z';

/** A program, an enrolled mentor and mentee, then enrolment opened: the program stream has versions 1 and 2. */
function programHistory(tenantId: string) {
  const programId = randomUUID();
  const programStream = `program-${programId}`;
  const envelope = (event: EventEnvelope) =>
    ({ ...event, version: eventDefinition(event.type)!.version }) as EventEnvelope;
  const enrolled = (role: 'mentor' | 'mentee') => {
    const participantId = randomUUID();
    return envelope(
      testEnvelope(
        'matching.participant.enrolled',
        { programId, participantId, userId: participantId, roles: [role], facets: { department: 'sales' } },
        { tenantId, streamId: `participant-${participantId}`, streamVersion: 1, time: TIME },
      ),
    );
  };
  const events = [
    envelope(
      testEnvelope('matching.program.created', programCreatedData(programId, 2), {
        tenantId,
        streamId: programStream,
        streamVersion: 1,
        time: TIME,
      }),
    ),
    enrolled('mentor'),
    enrolled('mentee'),
    envelope(
      testEnvelope(
        'matching.program.enrolment-opened',
        { programId, by: 'admin-1' },
        { tenantId, streamId: programStream, streamVersion: 2, time: TIME },
      ),
    ),
  ];
  return { programId, programStream, events };
}

async function startWithOperators() {
  const operatorTenant = `ops-${randomUUID().slice(0, 8)}`;
  const api = await startServiceApi(analyticsService, { env: { AUTH_OPERATOR_TENANT: operatorTenant } });
  return { api, operator: api.as(operatorTenant, 'ops-1', ['platform-operator']) };
}

const enrolledIn = async (client: ApiClient, programId: string) =>
  (await client.get(`/programs/${programId}/summary`)).body as {
    enrolledMentors: number;
    enrolledMentees: number;
  };

describe('a rebuild whose replay lacks early events', () => {
  const tenantId = `acme-${randomUUID().slice(0, 8)}`;
  let api: ServiceApi;
  let operator: ApiClient;

  beforeAll(async () => ({ api, operator } = await startWithOperators()));
  afterAll(() => api.close());

  it('refuses to switch, says what is missing, and the old generation keeps answering', async () => {
    const { programId, programStream, events } = programHistory(tenantId);
    await api.publish(events);
    const analyst = api.as(tenantId, 'analyst-1', ['analyst']);
    await waitFor(async () => (await enrolledIn(analyst, programId)).enrolledMentees === 1, {
      description: 'the live facts',
    });
    const before = (await analyst.get(`/programs/${programId}/summary`)).body;
    // As a day-long retention would: the program's creation and the mentor's enrolment are gone.
    const topic = `${api.prefix}${topicOf('matching')}`;
    await deleteRecordsBefore({ brokers: testInfra().kafkaBrokers, clientId: 'rebuild-spec' }, topic, 0, 2);

    expect((await operator.post('/rebuild')).status).toBe(202);
    const status = await waitFor(
      async () => {
        const body = (await operator.get('/rebuild')).body;
        // The refusal is recorded first, then the partial generation is let go.
        return body.lastRefusal && body.building === null ? body : undefined;
      },
      { description: 'the rebuild to refuse and let its generation go', timeoutMs: 60_000 },
    );
    expect(status).toMatchObject({ activeGeneration: 1, building: null, lastRebuild: null });
    expect(status.lastRefusal).toMatchObject({
      generation: 2,
      truncatedPartitions: [{ topic, partition: 0, firstOffset: 2 }],
      incompleteStreams: 1,
      missing: [{ tenantId, streamId: programStream, missingVersions: [1] }],
    });
    expect((await analyst.get(`/programs/${programId}/summary`)).body).toEqual(before);

    // Another tenant's admin learns that history is missing, but none of this tenant's streams.
    const other = await api
      .as(`globex-${randomUUID().slice(0, 8)}`, 'root', ['platform-admin'])
      .get('/rebuild');
    expect(other.body.lastRefusal).toMatchObject({ incompleteStreams: 0, missing: [] });
  }, 90_000);
});

describe('rebuilds are an operator act', () => {
  const tenantId = `acme-${randomUUID().slice(0, 8)}`;
  let api: ServiceApi;
  let operator: ApiClient;
  let relay: TransactionalPublisher;

  beforeAll(async () => {
    ({ api, operator } = await startWithOperators());
    relay = new TransactionalPublisher(
      { brokers: testInfra().kafkaBrokers, clientId: 'rebuild-spec-relay' },
      `rebuild-spec-${randomUUID()}`,
    );
    await relay.connect();
  });
  afterAll(async () => {
    await relay.disconnect();
    await api.close();
  });

  it("refuses a tenant's platform admin, even one whose token names the operator role", async () => {
    expect((await api.as(tenantId, 'root', ['platform-admin']).post('/rebuild')).status).toBe(403);
    expect(
      (await api.as(tenantId, 'root', ['platform-operator', 'platform-admin']).post('/rebuild')).status,
    ).toBe(403);
    expect((await api.as(tenantId, 'analyst-1', ['analyst']).get('/rebuild')).status).toBe(403);
  });

  it('switches on a quiet system, against the end offsets captured at its start', async () => {
    const { programId, events } = programHistory(tenantId);
    // Published as a service's outbox relay does: in a transaction, whose commit marker ends the partition.
    const topic = `${api.prefix}${topicOf('matching')}`;
    await relay.publish(events.map((event) => ({ topic, record: toKafkaRecord(event) })));
    const analyst = api.as(tenantId, 'analyst-1', ['analyst']);
    await waitFor(async () => (await enrolledIn(analyst, programId)).enrolledMentees === 1, {
      description: 'the live facts',
    });

    const started = await operator.post('/rebuild');
    expect(started.status).toBe(202);
    expect(started.body.building).toMatchObject({ generation: 2 });
    await waitFor(async () => (await operator.get('/rebuild')).body.activeGeneration === 2, {
      description: 'the rebuild to switch with no new event',
      timeoutMs: 60_000,
    });
    expect(await enrolledIn(analyst, programId)).toMatchObject({ enrolledMentors: 1, enrolledMentees: 1 });
    const admin = (await api.as(tenantId, 'root', ['platform-admin']).get('/rebuild')).body;
    expect(admin).toMatchObject({ activeGeneration: 2, building: null, lastRefusal: null });
  }, 90_000);

  it("checks each producer's streams apart, and replays none of analytics' own", async () => {
    // Goals and sessions each report an erasure on `erasure-<id>`; sessions' version 1 never reached
    // Kafka, and goals' version 1 must not stand in for it.
    const shared = `erasure-${randomUUID()}`;
    const erased = { requestId: randomUUID(), userId: 'gone-1', erasedAt: TIME };
    const report = (
      type: 'goals.person.erased' | 'sessions.person.erased' | 'analytics.person.erased',
      streamId: string,
      streamVersion: number,
    ) => testEnvelope(type, erased, { tenantId, streamId, streamVersion, time: TIME });
    // Analytics' own topic, with a gap too: a replay that read it would refuse that stream as well.
    await api.publish([
      report('goals.person.erased', shared, 1),
      report('sessions.person.erased', shared, 2),
      report('analytics.person.erased', `erasure-${randomUUID()}`, 2),
    ]);

    const { activeGeneration } = (await operator.get('/rebuild')).body;
    expect((await operator.post('/rebuild')).status).toBe(202);
    const status = await waitFor(
      async () => {
        const body = (await operator.get('/rebuild')).body;
        return body.building === null ? body : undefined;
      },
      { description: 'the rebuild to finish', timeoutMs: 60_000 },
    );
    expect(status.activeGeneration).toBe(activeGeneration);
    expect(status.lastRefusal).toMatchObject({
      truncatedPartitions: [],
      incompleteStreams: 1,
      missing: [{ tenantId, streamId: shared, missingVersions: [1] }],
    });
  }, 90_000);
});
