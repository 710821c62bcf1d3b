import { randomUUID } from 'node:crypto';
import { waitFor } from '@tandem/testing';
import {
  programWithPairs as programWithRunnablePairs,
  startMatchingApi,
  type ApiClient,
  type MatchingApi,
} from '../../matching-api.test-kit';

describe('match runs requested and followed through their job', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi();
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  const programWithPairs = (pairs: number) => programWithRunnablePairs(admin, pairs);

  it('answers 202 with the queued run and where to follow it; the job ends completed, pointing at the run', async () => {
    const programId = await programWithPairs(3);
    const requested = await admin.post(`/programs/${programId}/match-runs`, {});
    expect(requested.status).toBe(202);
    expect(['queued', 'running', 'completed']).toContain(requested.body.status);
    const jobPath = `/api/matching/v1/programs/${programId}/match-run-jobs/${requested.body.runId}`;
    expect(requested.headers.get('location')).toBe(jobPath);

    const job = await waitFor(
      async () => {
        const polled = await admin.get(`/programs/${programId}/match-run-jobs/${requested.body.runId}`);
        return polled.body.status === 'completed' ? polled.body : undefined;
      },
      { description: 'the run to complete' },
    );
    expect(job).toMatchObject({
      runId: requested.body.runId,
      createdBy: 'admin-1',
      progress: { phase: 'certificate', done: 1, total: 1 },
      run: `/api/matching/v1/programs/${programId}/match-runs/${requested.body.runId}`,
    });
    const run = await admin.get(`/programs/${programId}/match-runs/${requested.body.runId}`);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ status: 'draft', optimal: true, report: { matched: 3 } });

    const cancel = await admin.post(`/programs/${programId}/match-run-jobs/${requested.body.runId}/cancel`);
    expect(cancel).toMatchObject({ status: 409, body: { code: 'run-finished' } });
    expect((await admin.get(`/programs/${programId}/match-runs/${requested.body.runId}`)).body.status).toBe(
      'draft',
    );
  });

  it('refuses at once, creating no job, what it can: an unknown criterion (400), a draft program (409)', async () => {
    const programId = await programWithPairs(1);
    const unknown = await admin.post(`/programs/${programId}/match-runs`, {
      criteriaWeights: { shoeSize: 10 },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('shoeSize');
    const draft = await admin.post('/programs', { name: 'Draft', type: 'one-to-one' });
    const refused = await admin.post(`/programs/${draft.body.programId}/match-runs`, {});
    expect(refused).toMatchObject({ status: 409, body: { code: 'program-not-matching' } });
    expect((await admin.get(`/programs/${programId}/match-runs`)).body.items).toEqual([]);
  });

  it('shows a run’s job only to its program’s admins: another tenant gets 404, a participant 403', async () => {
    const programId = await programWithPairs(1);
    const requested = await admin.post(`/programs/${programId}/match-runs`, {});
    const path = `/programs/${programId}/match-run-jobs/${requested.body.runId}`;
    const stranger = api.as(`other-${randomUUID().slice(0, 8)}`, 'admin-1', ['program-admin']);
    expect((await stranger.get(path)).status).toBe(404);
    expect((await stranger.post(`${path}/cancel`)).status).toBe(404);
    expect((await api.as(tenant, 'mentee-0', ['participant']).get(path)).status).toBe(403);
    expect((await admin.get(`/programs/${programId}/match-run-jobs/${randomUUID()}`)).status).toBe(404);
  });
});
