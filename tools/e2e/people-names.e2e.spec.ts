import { randomUUID } from 'node:crypto';
import { waitFor } from '@tandem/testing';
import { activeRelationship } from './active-relationship.test-kit';
import { expectStatus, startPlatform, type Platform } from './platform.test-kit';

/**
 * Names where people look, across services: people provisioned by SCIM in matching's directory
 * are named in the goals and sessions lists, which ask the directory with the caller's token.
 */
describe('display names across services', () => {
  let platform: Platform;
  const tenant = `names-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    platform = await startPlatform({ services: ['matching', 'goals', 'sessions'] });
  }, 240_000);
  afterAll(() => platform?.stop());

  const eventually = <T>(probe: () => Promise<T | undefined | false>, description: string | (() => string)) =>
    waitFor(probe, { timeoutMs: 30_000, intervalMs: 200, description });

  it('lists goals and sessions with the names the identity provider gave', async () => {
    const { token } = await expectStatus(
      platform.api('matching', tenant, 'it-admin', ['platform-admin']).POST('/api/matching/v1/scim-tokens'),
      201,
      'issue a SCIM token',
    );
    for (const [userId, displayName] of [
      ['mentor-1', 'Ada Lovelace'],
      ['mentee-1', 'Grace Hopper'],
    ] as const) {
      const created = await fetch(`${platform.url('matching')}/api/matching/v1/scim/v2/Users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify({ userName: `${userId}@example.com`, externalId: userId, displayName }),
      });
      expect(created.status).toBe(201);
    }
    const { relationshipId, mentorId, menteeId } = await activeRelationship(platform, tenant);

    const goals = platform.api('goals', tenant, menteeId, ['participant']);
    let lastGoalAnswer: unknown;
    await eventually(
      async () => {
        const { data, error } = await goals.POST('/api/goals/v1/goals', {
          body: {
            relationshipId,
            title: 'Lead a negotiation',
            description: 'Prepare and lead one vendor negotiation end to end',
            measure: { kind: 'milestones' },
            relevance: 'negotiation',
            dueDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
            horizon: 'short-term',
            milestones: [{ title: 'Prepare the brief' }],
          },
        });
        lastGoalAnswer = error;
        return data;
      },
      () => `goals knows the relationship (last answer ${JSON.stringify(lastGoalAnswer)})`,
    );
    const goalList = await expectStatus(
      goals.GET('/api/goals/v1/goals', { params: { query: { relationshipId, include: 'people' } } }),
      200,
      'list goals with names',
    );
    expect(goalList.people).toEqual({
      [menteeId]: { userId: menteeId, displayName: 'Grace Hopper', photoUrl: null, active: true },
    });

    const sessions = platform.api('sessions', tenant, menteeId, ['participant']);
    await eventually(async () => {
      const { data } = await sessions.POST('/api/sessions/v1/sessions', {
        body: {
          relationshipId,
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          durationMinutes: 45,
          format: 'video',
        },
      });
      return data;
    }, 'sessions knows the relationship');
    const sessionList = await expectStatus(
      sessions.GET('/api/sessions/v1/sessions', { params: { query: { relationshipId, include: 'people' } } }),
      200,
      'list sessions with names',
    );
    expect(sessionList.people).toMatchObject({
      [mentorId]: { displayName: 'Ada Lovelace' },
      [menteeId]: { displayName: 'Grace Hopper' },
    });
    // Without asking, the answer is as before.
    const plain = await expectStatus(
      sessions.GET('/api/sessions/v1/sessions', { params: { query: { relationshipId } } }),
      200,
      'list',
    );
    expect(plain.people).toBeUndefined();
  });
});
