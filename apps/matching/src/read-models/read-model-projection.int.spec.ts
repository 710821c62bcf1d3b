import { randomUUID } from 'node:crypto';
import { EventStore } from '@tandem/eventstore';
import { startServiceApi } from '@tandem/runtime/testing';
import type { ApiClient, MatchingApi } from '../matching-api.test-kit';
import { matchingService } from '../matching.module';

describe('read models after a command', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    // No relay and no consumers: only the handlers apply events to the read models.
    api = await startServiceApi(
      { ...matchingService, subscriptions: [] },
      { env: { OUTBOX_RELAY_ENABLED: 'false' } },
    );
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  it("applies another request's events it finds unapplied before its own, so none is skipped", async () => {
    const created = await admin.post('/programs', { name: 'Gaps', type: 'one-to-one' });
    const programId = created.body.programId as string;
    // A request that died after its append, before applying it: version 2 is in the stream only.
    await api.app.get(EventStore).append(tenant, `program-${programId}`, 1, [
      {
        type: 'matching.program.updated',
        data: { programId, by: 'admin-1', changes: { minimumScore: 55 } },
      },
    ]);
    expect((await admin.get(`/programs/${programId}`)).body).toMatchObject({
      version: 1,
      settings: { minimumScore: 0 },
    });

    const updated = await admin.patch(`/programs/${programId}`, { settings: { sessionsPerMonth: 4 } });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"3"');
    expect(updated.body).toMatchObject({ version: 3, settings: { minimumScore: 55, sessionsPerMonth: 4 } });
    expect(updated.body).not.toHaveProperty('_applied');
    expect(updated.body).not.toHaveProperty('_revision');
  });
});
