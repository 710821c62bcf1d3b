import { randomUUID } from 'node:crypto';
import { startServiceApi, type ServiceApi } from '@tandem/runtime/testing';
import { analyticsService } from '../../analytics.module';
import { factRecorder, programCreatedData } from '../../recorded-facts.test-kit';

describe('GET /programs/:id/achievements?asOf=', () => {
  let api: ServiceApi;
  beforeAll(async () => {
    api = await startServiceApi(analyticsService);
  });
  afterAll(() => api.close());

  it('answers the achievements known at that instant, and echoes it', async () => {
    const tenantId = `acme-${randomUUID().slice(0, 8)}`;
    const record = factRecorder(api, tenantId);
    const programId = `p-${randomUUID().slice(0, 8)}`;
    const ref = { relationshipId: `r-${randomUUID().slice(0, 8)}`, programId };
    const goalId = `g-${randomUUID().slice(0, 8)}`;
    const goal = `goal-${goalId}`;
    await record(
      'matching.program.created',
      programCreatedData(programId, 2),
      `program-${programId}`,
      '2026-01-01T09:00:00.000Z',
    );
    await record(
      'goals.goal.set',
      {
        goalId,
        ...ref,
        ownerId: 'dee',
        targetDate: '2026-04-01',
        measure: { kind: 'milestones' },
        horizon: 'short-term',
        setAt: '2026-01-06T09:00:00.000Z',
      },
      goal,
      '2026-01-06T09:00:00.000Z',
    );
    await record(
      'goals.goal.milestone-completed',
      { goalId, ...ref, milestoneId: 'm-1', completedBy: 'dee', completedAt: '2026-02-01T09:00:00.000Z' },
      goal,
      '2026-02-01T09:00:00.000Z',
    );
    await record(
      'goals.goal.completed',
      { goalId, ...ref, completedBy: 'dee', completedAt: '2026-03-01T09:00:00.000Z' },
      goal,
      '2026-03-01T09:00:00.000Z',
    );

    const analyst = api.as(tenantId, 'analyst-1', ['analyst']);
    const asOf = '2026-02-15T00:00:00.000Z';
    const past = await analyst.get(`/programs/${programId}/achievements?asOf=${asOf}`);
    expect(past.status).toBe(200);
    expect(past.body).toEqual({
      programId,
      asOf,
      items: [
        {
          kind: 'milestone-completed',
          at: '2026-02-01T09:00:00.000Z',
          relationshipId: ref.relationshipId,
          goalId,
          milestoneId: 'm-1',
        },
      ],
    });
    const now = await analyst.get(`/programs/${programId}/achievements`);
    expect(now.body.items.map((i: { kind: string }) => i.kind)).toEqual([
      'goal-completed',
      'milestone-completed',
    ]);
    expect(now.body).not.toHaveProperty('asOf');
    expect((await analyst.get(`/programs/${programId}/achievements?asOf=yesterday`)).status).toBe(400);
  });
});
