import { randomUUID } from 'node:crypto';
import type { ServiceApi } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
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

/** Feedback someone reads: session ratings to the parties, ratings of people to admins in aggregate, comments as chosen. */
describe('GET /relationships/:id/feedback', () => {
  let api: ServiceApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  let pair: RelationshipFixture;
  let mentor: ApiClient;
  let mentee: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    api = await startSessionsApi();
    pair = relationshipFixture(tenant);
    mentor = api.as(tenant, pair.mentorId, ['participant']);
    mentee = api.as(tenant, pair.menteeId, ['participant']);
    admin = api.as(tenant, 'admin-1', ['program-admin']);
    await api.publish([
      programCreated(pair, ['admin-1']),
      ...relationshipStream(pair, ['proposed', 'started']),
    ]);
    await waitFor(
      async () => (await mentee.get(`/relationships/${pair.relationshipId}/history`)).status === 200,
      { timeoutMs: 150_000, description: 'relationship learned' },
    );
  }, 180_000);
  afterAll(() => api.close());

  const heldSession = async (hoursAgo: number): Promise<string> => {
    const created = await mentee.post('/sessions', {
      relationshipId: pair.relationshipId,
      startsAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
      durationMinutes: 45,
      format: 'video',
    });
    const sessionId = created.body.sessionId as string;
    const held = await mentor.post(`/sessions/${sessionId}/held`, {
      attendeeIds: [pair.mentorId, pair.menteeId],
      actualDurationMinutes: 45,
    });
    expect(held.status).toBe(200);
    return sessionId;
  };

  it('shows each reader what its visibility allows, and lets mentors rate mentees', async () => {
    const first = await heldSession(3);
    const second = await heldSession(2);
    const give = async (client: ApiClient, sessionId: string, body: object) =>
      expect((await client.post(`/sessions/${sessionId}/feedback`, body)).status).toBe(201);
    await give(mentee, first, {
      rating: 4,
      mentorRating: 2,
      comment: 'Felt rushed',
      commentVisibility: 'private-with-admins',
    });
    await give(mentor, first, {
      rating: 5,
      menteeRatings: [{ menteeId: pair.menteeId, rating: 4 }],
      comment: 'Good progress on the plan',
      commentVisibility: 'shared',
    });
    await give(mentee, second, { rating: 3, mentorRating: 4, comment: 'Just for me' });
    const refused = await mentee.post(`/sessions/${second}/feedback`, { rating: 3 });
    expect(refused.status).toBe(409);
    const menteeRatedByMentee = await heldSession(1).then((third) =>
      mentee.post(`/sessions/${third}/feedback`, {
        rating: 3,
        menteeRatings: [{ menteeId: pair.menteeId, rating: 5 }],
      }),
    );
    expect(menteeRatedByMentee.body.code).toBe('mentee-rating-by-mentor');

    const path = `/relationships/${pair.relationshipId}/feedback`;
    const asMentor = (await mentor.get(path)).body;
    expect(asMentor.items).toEqual([
      {
        sessionId: first,
        heldAt: expect.any(String),
        participantId: pair.menteeId,
        rating: 4,
        helpful: true,
      },
      expect.objectContaining({
        participantId: pair.mentorId,
        menteeRatings: [{ menteeId: pair.menteeId, rating: 4 }],
        comment: 'Good progress on the plan',
      }),
      {
        sessionId: second,
        heldAt: expect.any(String),
        participantId: pair.menteeId,
        rating: 3,
        helpful: false,
      },
    ]);
    expect(asMentor).toMatchObject({ aboutMentor: null, aboutMentees: [] });

    const asMentee = (await mentee.get(path)).body;
    expect(asMentee.items.map((i: { comment?: string }) => i.comment)).toEqual([
      'Felt rushed',
      'Good progress on the plan',
      'Just for me',
    ]);
    expect(asMentee.items[1]).not.toHaveProperty('menteeRatings');

    const asAdmin = (await admin.get(path)).body;
    expect(asAdmin.aboutMentor).toEqual({ count: 2, average: 3 });
    expect(asAdmin.aboutMentees).toEqual([{ menteeId: pair.menteeId, count: 1, average: 4 }]);
    expect(asAdmin.items.map((i: { comment?: string }) => i.comment ?? null)).toEqual([
      'Felt rushed',
      'Good progress on the plan',
      null,
    ]);
    expect(asAdmin.items.map((i: { rating: number }) => i.rating)).toEqual([4, 5, 3]);

    const page = (await admin.get(`${path}?limit=2`)).body;
    expect(page.items).toHaveLength(2);
    const rest = (await admin.get(`${path}?limit=2&cursor=${page.nextCursor}`)).body;
    expect(rest.items.map((i: { sessionId: string }) => i.sessionId)).toEqual([second]);

    const stranger = api.as(tenant, 'someone-else', ['participant']);
    expect((await stranger.get(path)).status).toBe(404);
  });
});
