import { randomUUID } from 'node:crypto';
import { startServiceApi, type ServiceApi } from '@tandem/runtime/testing';
import { analyticsService } from '../../analytics.module';
import { factRecorder, programCreatedData } from '../../recorded-facts.test-kit';

const DAY_MS = 86_400_000;
const start = Date.parse('2026-01-01T09:00:00.000Z');
const day = (n: number) => new Date(start + n * DAY_MS).toISOString();

describe('GET /programs/:id/health flags a relationship that started strong and faded', () => {
  let api: ServiceApi;
  beforeAll(async () => {
    api = await startServiceApi(analyticsService);
  });
  afterAll(() => api.close());

  it('names the reason and the figures behind it', async () => {
    const tenantId = `acme-${randomUUID().slice(0, 8)}`;
    const record = factRecorder(api, tenantId);
    const programId = `p-${randomUUID().slice(0, 8)}`;
    // Two sessions a month: 15-day windows; judged on day 120, eight full windows.
    await record(
      'matching.program.created',
      programCreatedData(programId, 2),
      `program-${programId}`,
      day(0),
    );
    const pair = async (name: string, perWindow: number[]) => {
      const relationshipId = `${name}-${randomUUID().slice(0, 8)}`;
      const ref = { relationshipId, programId };
      const members = { mentorIds: [`mentor-${name}`], menteeIds: [`mentee-${name}`] };
      const stream = `relationship-${relationshipId}`;
      await record(
        'matching.relationship.proposed',
        { ...ref, ...members, score: 80, source: 'admin', expiresAt: day(14) },
        stream,
        day(0),
      );
      await record(
        'matching.relationship.started',
        { ...ref, ...members, startedAt: day(0) },
        stream,
        day(0),
      );
      for (const [window, count] of perWindow.entries()) {
        for (let n = 0; n < count; n += 1) {
          const sessionId = randomUUID();
          const heldAt = day(window * 15 + 1 + n * 5);
          await record(
            'sessions.session.held',
            {
              ...ref,
              sessionId,
              kind: 'meeting',
              heldAt,
              durationMinutes: 60,
              attendeeIds: members.mentorIds,
            },
            `session-${sessionId}`,
            heldAt,
          );
        }
      }
      return relationshipId;
    };
    await pair('steady', [1, 1, 1, 1, 1, 1, 1, 1]);
    await pair('also-steady', [1, 1, 1, 1, 1, 1, 1, 1]);
    const faded = await pair('faded', [2, 2, 2, 2, 1, 1, 0, 0]);

    const analyst = api.as(tenantId, 'analyst-1', ['analyst']);
    const health = await analyst.get(`/programs/${programId}/health?at=${day(120)}`);
    expect(health.status).toBe(200);
    expect(health.body.relationshipsAtRisk).toEqual([
      {
        relationshipId: faded,
        reasons: ['no-session-within-cadence', 'faded-after-strong-start'],
        fizzle: {
          windowDays: 15,
          windows: 8,
          firstHalfPerWindow: 2,
          recentPerWindow: 0,
          programMedianPerWindow: 1,
        },
      },
    ]);
  });
});
