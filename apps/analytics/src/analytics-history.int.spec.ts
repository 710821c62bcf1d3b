import { randomUUID } from 'node:crypto';
import { validateEventData, type EventEnvelope } from '@tandem/events';
import { SERVICE_CONFIG, type ServiceConfig } from '@tandem/runtime';
import { startServiceApi, type ApiClient, type ServiceApi } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import { analyticsService } from './analytics.module';
import {
  expectedByMenteeDepartment,
  expectedCheckInRisks,
  expectedFunnel,
  expectedMonthlyByProgram,
  expectedSummary,
} from './analytics-expectations.test-kit';
import {
  generateScenario,
  scenarioEnvelopes,
  scenarioRandom,
  type Scenario,
} from './analytics-scenario.test-kit';

const MID = '2026-02-09T09:00:00.000Z';
const EARLY = '2026-01-25T09:00:00.000Z';
const SEED = 20261122;

/**
 * Issue 8's done-when: a seeded history of several programs goes onto the service's topics in a
 * random interleaving, with redeliveries and a restart mid-stream; the answers must match what the
 * test computes from the scenario itself — now, as of two past dates, and after a rebuild.
 */
describe('analytics over a generated event history', () => {
  const tenantId = `acme-${randomUUID().slice(0, 8)}`;
  const scenario: Scenario = generateScenario(tenantId, SEED);
  const envelopes = scenarioEnvelopes(scenario, SEED);
  const programIds = scenario.programs.map((p) => p.programId);
  let first: ServiceApi;
  let api: ServiceApi;
  let analyst: ApiClient;

  const summariesMatch = async (client: ApiClient, asOf?: string) => {
    for (const program of scenario.programs) {
      const response = await client.get(`/programs/${program.programId}/summary`);
      expect(response.body).toEqual(expectedSummary(program, asOf));
    }
    return true;
  };

  beforeAll(async () => {
    first = await startServiceApi(analyticsService);
  });
  afterAll(async () => {
    await api?.close();
    // The first instance's app was closed for the restart; this releases its producer.
    await first.close().catch(() => undefined);
  });

  it('generates only events their schemas accept', () => {
    expect(envelopes.length).toBeGreaterThan(150);
    expect(envelopes.length).toBeLessThan(600);
    const invalid = envelopes.map((e) => validateEventData(e.type, e.data)).filter((r) => !r.ok);
    expect(invalid).toEqual([]);
  });

  it('consumes half the history, restarts, and converges on the whole of it despite redelivery', async () => {
    const early = envelopes.filter((e) => Date.parse(e.metadata.time) <= Date.parse(MID));
    const late = envelopes.filter((e) => Date.parse(e.metadata.time) > Date.parse(MID));
    await first.publish(early);
    const beforeRestart = first.as(tenantId, 'analyst-1', ['analyst']);
    await waitFor(() => summariesMatch(beforeRestart, MID), {
      description: 'the first half consumed',
      timeoutMs: 150_000,
      intervalMs: 500,
    });

    const config = first.app.get<ServiceConfig>(SERVICE_CONFIG);
    await first.app.close();
    const random = scenarioRandom(SEED + 1);
    const redelivered: EventEnvelope[] = Array.from({ length: 15 }, () => random.pick(envelopes));
    await first.publish([...late, ...redelivered]);
    api = await startServiceApi(analyticsService, {
      env: {
        MONGODB_URI: config.mongoUri,
        KAFKA_TOPIC_PREFIX: config.kafkaTopicPrefix,
        AUTH_OPERATOR_TENANT: 'tandem-operators',
      },
    });
    analyst = api.as(tenantId, 'analyst-1', ['analyst']);
    await waitFor(() => summariesMatch(analyst), {
      description: 'the whole history consumed',
      timeoutMs: 150_000,
      intervalMs: 500,
    });
  }, 360_000);

  it('answers the funnel of every program', async () => {
    for (const program of scenario.programs) {
      expect((await analyst.get(`/programs/${program.programId}/funnel`)).body).toEqual(
        expectedFunnel(program),
      );
    }
  });

  it('answers as of two past dates from the event history', async () => {
    for (const asOf of [EARLY, MID]) {
      for (const program of scenario.programs) {
        const summary = await analyst.get(`/programs/${program.programId}/summary?asOf=${asOf}`);
        expect(summary.body).toEqual({ ...expectedSummary(program, asOf), asOf });
        const funnel = await analyst.get(`/programs/${program.programId}/funnel?asOf=${asOf}`);
        expect(funnel.body).toEqual({ ...expectedFunnel(program, asOf), asOf });
      }
    }
    const early = await analyst.post('/query', { measures: ['relationships'], asOf: EARLY });
    const startedEarly = scenario.programs
      .flatMap((p) => p.relationships)
      .filter((r) => r.startedAt && r.startedAt <= EARLY).length;
    expect(early.body.rows).toEqual([
      { dimensions: {}, measures: { relationships: startedEarly }, suppressed: false },
    ]);
  });

  it('answers analyst queries by dimension and month, suppressing small personal groups', async () => {
    const monthly = await analyst.post('/query', {
      measures: ['relationships', 'sessionsHeld', 'sessionHours', 'goalsCompleted'],
      dimensions: ['program'],
      timeGrain: 'month',
    });
    expect(monthly.status).toBe(200);
    expect(monthly.body.rows).toEqual(expectedMonthlyByProgram(scenario, programIds));

    const byDepartment = await analyst.post('/query', {
      measures: ['relationships'],
      dimensions: ['menteeDepartment'],
    });
    expect(byDepartment.body.rows).toEqual(expectedByMenteeDepartment(scenario, programIds));
    // The k-anonymity program: 3, 4 and 5 mentees sharing a mentor = k-1, k and k+1 participants.
    const rowOf = (department: string) =>
      byDepartment.body.rows.find(
        (r: { dimensions: { menteeDepartment: string } }) => r.dimensions.menteeDepartment === department,
      );
    expect(rowOf('legal')).toEqual({
      dimensions: { menteeDepartment: 'legal' },
      measures: { relationships: null },
      suppressed: true,
    });
    // finance (k participants) may be legal's complement; the expectation above says whether it is.
    expect(rowOf('hr')).toEqual({
      dimensions: { menteeDepartment: 'hr' },
      measures: { relationships: 5 },
      suppressed: false,
    });
  });

  it('exports the same rows as CSV', async () => {
    const response = await analyst.get(
      '/export.csv?measures=relationships&dimensions=menteeDepartment&filters=menteeDepartment:finance|hr',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.body).toBe(
      'menteeDepartment,relationships,suppressed\r\nfinance,4,false\r\nhr,5,false\r\n',
    );
  });

  it('refuses unknown measures and dimensions with the valid ones, and operator injection', async () => {
    const measure = await analyst.post('/query', { measures: ['revenue'] });
    expect(measure.status).toBe(400);
    expect(measure.body.detail).toMatch(
      /valid measures: relationships, activeRelationships, .*medianDaysToFirstSession/,
    );
    const dimension = await analyst.post('/query', { measures: ['relationships'], dimensions: ['salary'] });
    expect(dimension.status).toBe(400);
    expect(dimension.body.detail).toMatch(/valid dimensions: program, programType, cohort/);
    expect(
      (await analyst.post('/query', { measures: ['relationships'], filters: { program: [{ $ne: null }] } }))
        .status,
    ).toBe(400);
    expect((await analyst.post('/query', { measures: ['relationships'], tenantId: 'other' })).status).toBe(
      400,
    );
  });

  it('refuses a limit outside its bounds with 400 naming the field', async () => {
    for (const limit of ['-1e308', '1e308', 'Infinity', '201']) {
      const response = await analyst.get(`/programs/some-program/achievements?limit=${limit}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('limit');
    }
  });

  it('shows program admins their own programs only, and nothing to participants or other tenants', async () => {
    const [own, other] = scenario.programs;
    const admin = api.as(tenantId, own!.adminId, ['program-admin']);
    expect((await admin.get(`/programs/${own!.programId}/summary`)).body).toEqual(expectedSummary(own!));
    expect((await admin.get(`/programs/${other!.programId}/summary`)).status).toBe(404);
    const scoped = await admin.post('/query', { measures: ['relationships'], dimensions: ['program'] });
    expect(scoped.body.rows.map((r: { dimensions: { program: string } }) => r.dimensions.program)).toEqual([
      own!.programId,
    ]);
    expect(
      (await api.as(tenantId, 'mentee-x', ['participant']).get(`/programs/${own!.programId}/summary`)).status,
    ).toBe(403);
    expect(
      (
        await api
          .as(`globex-${randomUUID().slice(0, 8)}`, 'analyst-1', ['analyst'])
          .get(`/programs/${own!.programId}/summary`)
      ).status,
    ).toBe(404);
    expect((await analyst.get('/programs/%7B%22%24ne%22%3Anull%7D/summary')).status).toBe(404);
  });

  it('flags relationships with an unanswered overdue check-in in program health', async () => {
    for (const program of scenario.programs) {
      const at = '2026-03-01T09:00:00.000Z';
      const health = await analyst.get(`/programs/${program.programId}/health?at=${at}`);
      const flagged = health.body.relationshipsAtRisk
        .filter((r: { reasons: string[] }) => r.reasons.includes('check-in-overdue'))
        .map((r: { relationshipId: string }) => r.relationshipId);
      expect(flagged).toEqual(expectedCheckInRisks(program, at));
      expect(health.body.weeklyActivity).toHaveLength(4);
    }
  });

  it('rebuilds the facts blue/green from the beginning of the topics and answers the same', async () => {
    const platformAdmin = api.as('tandem-operators', 'root', ['platform-operator']);
    expect((await analyst.post('/rebuild')).status).toBe(403);
    const started = await platformAdmin.post('/rebuild');
    expect(started.status).toBe(202);
    expect(started.body.building).toMatchObject({ generation: 2 });
    expect((await platformAdmin.post('/rebuild')).status).toBe(409);
    // The old generation answers while the new one fills.
    await summariesMatch(analyst);
    await waitFor(
      async () => {
        const status = (await platformAdmin.get('/rebuild')).body;
        return status.building === null && status.activeGeneration === 2;
      },
      { description: 'the rebuild to catch up and switch', timeoutMs: 120_000, intervalMs: 500 },
    );
    await summariesMatch(analyst);
    for (const program of scenario.programs) {
      expect((await analyst.get(`/programs/${program.programId}/funnel?asOf=${MID}`)).body).toEqual({
        ...expectedFunnel(program, MID),
        asOf: MID,
      });
    }
  }, 180_000);
});
