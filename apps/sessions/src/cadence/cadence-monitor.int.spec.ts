import { randomUUID } from 'node:crypto';
import type { ServiceApi } from '@tandem/runtime/testing';
import { testEnvelope } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import {
  programCreated,
  relationshipFixture,
  relationshipStream,
  startSessionsApi,
} from '../sessions-api.test-kit';
import { CadenceMonitor } from './cadence-monitor';

// A fake clock: the monitor is called with explicit instants. Two sessions a month → 15-day windows.
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

// Kafka consumer-group joins and deliveries are slow when the shared machine is busy.
jest.setTimeout(180_000);

describe('cadence monitor', () => {
  let api: ServiceApi;
  let monitor: CadenceMonitor;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  const pair = relationshipFixture(tenant);
  const overdueNotices = () =>
    api.events.filter(
      (e) =>
        e.type === 'sessions.relationship.check-in-overdue' &&
        (e.data as { relationshipId: string }).relationshipId === pair.relationshipId,
    );
  const relationshipStreamAt = (
    type: 'matching.relationship.paused' | 'matching.relationship.resumed' | 'matching.relationship.ended',
    streamVersion: number,
    at: Date,
  ) => {
    const ref = { relationshipId: pair.relationshipId, programId: pair.programId, by: pair.mentorId };
    const stream = {
      tenantId: tenant,
      streamId: `relationship-${pair.relationshipId}`,
      streamVersion,
      time: at.toISOString(),
    };
    if (type === 'matching.relationship.paused')
      return testEnvelope(type, { ...ref, reason: 'holiday' }, stream);
    if (type === 'matching.relationship.ended')
      return testEnvelope(type, { ...ref, reason: 'completed' }, stream);
    return testEnvelope(type, ref, stream);
  };
  const statusIs = (status: string, timeoutMs = 90_000) =>
    waitFor(
      async () =>
        (
          await api
            .as(tenant, 'platform-1', ['platform-admin'])
            .get(`/relationships/${pair.relationshipId}/history`)
        ).body?.relationshipStatus === status,
      {
        timeoutMs,
        description: `relationship ${status}`,
      },
    );

  beforeAll(async () => {
    api = await startSessionsApi();
    monitor = api.app.get(CadenceMonitor);
    await api.publish([
      programCreated(pair, ['admin-1'], 2),
      ...relationshipStream(pair, ['proposed', 'started'], day(0).toISOString()),
    ]);
    await statusIs('active', 150_000);
  }, 180_000);
  afterAll(() => api.close());

  it('notices a missed window once, even with several replicas checking at the same moment', async () => {
    expect(await monitor.check(day(14))).toBe(0);
    const concurrent = await Promise.all([
      monitor.check(day(16)),
      monitor.check(day(16)),
      monitor.check(day(16)),
    ]);
    expect(concurrent.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await monitor.check(day(29))).toBe(0); // same window
    expect(await monitor.check(day(31))).toBe(1); // the next one
    await api.waitForEvents(() => overdueNotices().length === 2, 90_000);
    expect(overdueNotices().map((e) => e.data)).toEqual([
      { relationshipId: pair.relationshipId, programId: pair.programId, expectedBy: day(15).toISOString() },
      { relationshipId: pair.relationshipId, programId: pair.programId, expectedBy: day(30).toISOString() },
    ]);
  });

  it('stays silent while paused, starts a fresh window on resume, and never speaks after the end', async () => {
    await api.publish([relationshipStreamAt('matching.relationship.paused', 3, day(32))]);
    await statusIs('paused');
    expect(await monitor.check(day(60))).toBe(0);
    await api.publish([relationshipStreamAt('matching.relationship.resumed', 4, day(61))]);
    await statusIs('active');
    expect(await monitor.check(day(70))).toBe(0);
    expect(await monitor.check(day(77))).toBe(1);
    await api.publish([relationshipStreamAt('matching.relationship.ended', 5, day(80))]);
    await statusIs('ended');
    expect(await monitor.check(day(200))).toBe(0);
  });
});
