import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { eventDefinition, type EventEnvelope } from '@tandem/events';
import { EventStore } from '@tandem/eventstore';
import { ERASED_OUTCOME, erasureStream, IdempotencyRecords, MongoConnection } from '@tandem/runtime';
import { startServiceApi, testEnvelope, type ApiClient, type ServiceApi } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import { analyticsService } from '../analytics.module';
import { expectedSummary } from '../analytics-expectations.test-kit';
import { generateScenario, scenarioEnvelopes, type Scenario } from '../analytics-scenario.test-kit';

const SEED = 20261216;
const fresh = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** Collections whose documents may name a person after their erasure: pseudonymous facts and events. */
const pseudonymousStores = /^((facts|rollups|journeys|mentee_matches)_\d+|events)$/;

/** Matching's request as its relay puts it on matching's topic. */
const erasureRequested = (tenantId: string, requestId: string, userId: string): EventEnvelope =>
  ({
    ...testEnvelope(
      'matching.person.erasure-requested',
      { requestId, userId, by: 'root-1', requestedAt: new Date().toISOString() },
      { tenantId, streamId: `erasure-request-${requestId}`, streamVersion: 1 },
    ),
    version: eventDefinition('matching.person.erasure-requested')!.version,
  }) as EventEnvelope;

describe('erasing a person from analytics', () => {
  const tenantId = fresh('acme');
  const scenario: Scenario = generateScenario(tenantId, SEED, 1);
  const [program] = scenario.programs;
  // A mentee with sessions held and rated (whose figures every total counts), and another.
  const rated = [
    ...new Set(
      program!.relationships
        .filter((r) => r.sessions.some((s) => s.ratings.length > 0))
        .map((r) => r.menteeId),
    ),
  ];
  const [ann, bob] = rated as [string, string];
  let api: ServiceApi;
  let analyst: ApiClient;

  /** Every answer analytics gives about the tenant's programs, and both people's exports. */
  const everyAnswer = async () => ({
    reports: await Promise.all(
      scenario.programs.flatMap(({ programId }) => [
        analyst.get(`/programs/${programId}/summary`).then((r) => r.body),
        analyst.get(`/programs/${programId}/funnel`).then((r) => r.body),
      ]),
    ),
    query: (await analyst.post('/query', byMenteeDepartment)).body,
    exports: await Promise.all(
      [ann, bob].map(async (userId) => (await analyst.get(`/people/${userId}/personal-data`)).body),
    ),
  });
  const byMenteeDepartment = {
    measures: ['relationships', 'sessionsHeld', 'sessionHours', 'averageRating'],
    dimensions: ['menteeDepartment'],
  };

  beforeAll(async () => {
    api = await startServiceApi(analyticsService, { consumeContexts: ['analytics'] });
    analyst = api.as(tenantId, fresh('analyst'), ['analyst', 'platform-admin']);
    await api.publish(scenarioEnvelopes(scenario, SEED));
    await waitFor(
      async () => {
        for (const plan of scenario.programs) {
          const summary = (await analyst.get(`/programs/${plan.programId}/summary`)).body;
          if (!isDeepStrictEqual(summary, expectedSummary(plan))) return false;
        }
        return true;
      },
      { description: 'the history folded into facts', timeoutMs: 90_000, intervalMs: 250 },
    );
  }, 120_000);
  afterAll(() => api?.close());

  it('has two rated mentees to tell apart', () => {
    expect(rated.length).toBeGreaterThanOrEqual(2);
  });

  it('shreds their stored answers, keeps every total, and reports once though delivered twice', async () => {
    // Both people once ran a query with an Idempotency-Key, as analysts of the tenant.
    const [annsKey, bobsKey] = [fresh('key'), fresh('key')];
    for (const [userId, key] of [
      [ann, annsKey],
      [bob, bobsKey],
    ] as const)
      expect(
        (
          await api
            .as(tenantId, userId, ['analyst'])
            .post('/query', byMenteeDepartment, { 'idempotency-key': key })
        ).status,
      ).toBe(200);
    const before = await everyAnswer();

    const requestId = fresh('erasure');
    const request = erasureRequested(tenantId, requestId, ann);
    // Twice, as Kafka redelivers; then another request, whose report shows both were handled.
    const laterId = fresh('erasure');
    await api.publish([request, request, erasureRequested(tenantId, laterId, fresh('gone'))]);
    const reportsOf = (id: string) =>
      api.events.filter((e) => e.type === 'analytics.person.erased' && e.data.requestId === id);
    await api.waitForEvents(() => reportsOf(requestId).length > 0 && reportsOf(laterId).length > 0, 60_000);

    // Published by the outbox relay on analytics' own topic, and in its store, once each.
    expect(reportsOf(requestId)).toHaveLength(1);
    expect(reportsOf(requestId)[0]).toMatchObject({
      data: { requestId, userId: ann },
      metadata: { tenantId, streamId: erasureStream(requestId), streamVersion: 1 },
    });
    const stream = await api.app.get(EventStore).readStream(tenantId, erasureStream(requestId));
    expect(stream.events.map((e) => e.type)).toEqual(['analytics.person.erased']);

    // Her stored answer is gone; Bob's stays as it was.
    const records = api.app.get(IdempotencyRecords).collection;
    expect((await records.findOne({ tenantId, userId: ann, key: annsKey }))?.outcome).toEqual(ERASED_OUTCOME);
    const bobs = await records.findOne({ tenantId, userId: bob, key: bobsKey });
    expect(bobs?.outcome?.status).toBe(200);
    expect(JSON.parse(bobs!.outcome!.body)).toEqual(before.query);

    // The facts stay: every summary, funnel, query and export answers exactly as before.
    expect(await everyAnswer()).toEqual(before);
  }, 90_000);

  it('leaves her named nowhere but in pseudonymous facts, events and shredded answers', async () => {
    const db = api.app.get(MongoConnection).db;
    // Not a longer id that starts with hers (`…-mentee-1` in `…-mentee-12`).
    const hersIn = (text: string) => new RegExp(`${ann}(?![0-9])`).test(text);
    const naming = new Map<string, unknown[]>();
    for (const { name } of await db.listCollections().toArray()) {
      const documents = await db.collection(name).find({}).toArray();
      const hers = documents.filter((d) => hersIn(JSON.stringify(d)));
      if (hers.length > 0) naming.set(name, hers);
    }
    expect([...naming.keys()].some((name) => /^facts_\d+$/.test(name))).toBe(true);
    for (const [name, documents] of naming) {
      if (name === 'idempotency_keys')
        for (const record of documents) expect(record).toMatchObject({ outcome: ERASED_OUTCOME });
      else expect(name).toMatch(pseudonymousStores);
    }
  });
});
