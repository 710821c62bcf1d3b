import { randomUUID } from 'node:crypto';
import { startServiceApi, type ServiceApi } from '@tandem/runtime/testing';
import { analyticsService } from '../../analytics.module';
import { factRecorder, programCreatedData } from '../../recorded-facts.test-kit';

describe('POST /query measures feedback and closing reflections', () => {
  let api: ServiceApi;
  beforeAll(async () => {
    api = await startServiceApi(analyticsService);
  });
  afterAll(() => api.close());

  it('answers the mentor rating, helpfulness and the reflection outcomes', async () => {
    const tenantId = `acme-${randomUUID().slice(0, 8)}`;
    const record = factRecorder(api, tenantId);
    const programId = `p-${randomUUID().slice(0, 8)}`;
    const relationshipId = `r-${randomUUID().slice(0, 8)}`;
    const sessionId = `s-${randomUUID().slice(0, 8)}`;
    const ref = { relationshipId, programId };
    const stream = `relationship-${relationshipId}`;
    const members = { mentorIds: ['mentor-1'], menteeIds: ['mentee-1'] };
    await record(
      'matching.program.created',
      programCreatedData(programId, 2),
      `program-${programId}`,
      '2026-01-01T09:00:00.000Z',
    );
    await record(
      'matching.relationship.started',
      { ...ref, ...members, startedAt: '2026-01-05T09:00:00.000Z' },
      stream,
      '2026-01-05T09:00:00.000Z',
    );
    const feedback = { ...ref, sessionId };
    await record(
      'sessions.session.feedback-submitted',
      { ...feedback, participantId: 'mentee-1', rating: 4, helpful: true, mentorRating: 5 },
      `session-${sessionId}`,
      '2026-02-10T10:00:00.000Z',
    );
    await record(
      'sessions.session.feedback-submitted',
      {
        ...feedback,
        participantId: 'mentor-1',
        rating: 2,
        helpful: false,
        menteeRatings: [{ menteeId: 'mentee-1', rating: 3 }],
      },
      `session-${sessionId}`,
      '2026-02-10T11:00:00.000Z',
    );
    await record(
      'matching.relationship.ended',
      { ...ref, by: 'mentee-1', reason: 'completed' },
      stream,
      '2026-06-01T09:00:00.000Z',
    );
    const reflection = { ...ref, rating: 5, skillsGained: ['negotiation'] };
    await record(
      'matching.relationship.reflection-submitted',
      { ...reflection, participantId: 'mentee-1', goalsAchieved: 'yes', wouldRecommend: true },
      stream,
      '2026-06-02T09:00:00.000Z',
    );
    await record(
      'matching.relationship.reflection-submitted',
      { ...reflection, participantId: 'mentor-1', goalsAchieved: 'no', wouldRecommend: true },
      stream,
      '2026-06-03T09:00:00.000Z',
    );

    const analyst = api.as(tenantId, 'analyst-1', ['analyst']);
    const answer = await analyst.post('/query', {
      measures: [
        'averageMentorRating',
        'helpfulRate',
        'goalsAchievedRate',
        'wouldRecommendRate',
        'skillsGained',
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.rows).toEqual([
      {
        dimensions: {},
        measures: {
          averageMentorRating: 5,
          helpfulRate: 0.5,
          goalsAchievedRate: 0.5,
          wouldRecommendRate: 1,
          skillsGained: 2,
        },
        suppressed: false,
      },
    ]);
  });
});
