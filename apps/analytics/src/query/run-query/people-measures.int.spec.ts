import { randomUUID } from 'node:crypto';
import { startServiceApi, type ServiceApi } from '@tandem/runtime/testing';
import { analyticsService } from '../../analytics.module';
import { factRecorder, programCreatedData } from '../../recorded-facts.test-kit';

const fresh = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

describe('POST /query measures enrolment, mentor load, time to match, retention and ratings by direction', () => {
  let api: ServiceApi;
  beforeAll(async () => {
    api = await startServiceApi(analyticsService);
  });
  afterAll(() => api.close());

  it('answers each from the recorded events, and retention looks past the program filter', async () => {
    const tenantId = fresh('acme');
    const record = factRecorder(api, tenantId);
    const [spring, autumn] = [fresh('spring'), fresh('autumn')];
    for (const programId of [spring, autumn])
      await record(
        'matching.program.created',
        programCreatedData(programId, 2),
        `program-${programId}`,
        '2026-01-01T09:00:00.000Z',
      );
    const enrol = (programId: string, userId: string, role: 'mentor' | 'mentee', time: string) =>
      record(
        'matching.participant.enrolled',
        { programId, participantId: `${programId}-${userId}`, userId, roles: [role], facets: {} },
        `participant-${programId}-${userId}`,
        time,
      );
    const start = (programId: string, mentorId: string, menteeId: string, startedAt: string) => {
      const relationshipId = fresh('r');
      return record(
        'matching.relationship.started',
        { relationshipId, programId, mentorIds: [mentorId], menteeIds: [menteeId], startedAt },
        `relationship-${relationshipId}`,
        startedAt,
      ).then(() => relationshipId);
    };
    await enrol(spring, 'ann', 'mentor', '2026-01-02T09:00:00.000Z');
    await enrol(spring, 'bob', 'mentor', '2026-01-02T09:00:00.000Z');
    await enrol(spring, 'dee', 'mentee', '2026-01-03T09:00:00.000Z');
    await enrol(spring, 'eve', 'mentee', '2026-01-03T09:00:00.000Z');
    const first = await start(spring, 'ann', 'dee', '2026-01-13T09:00:00.000Z');
    await start(spring, 'bob', 'eve', '2026-01-09T09:00:00.000Z');
    await enrol(autumn, 'ann', 'mentor', '2026-08-01T09:00:00.000Z');
    await start(autumn, 'ann', 'fay', '2026-09-01T09:00:00.000Z');
    const sessionId = fresh('s');
    await record(
      'sessions.session.feedback-submitted',
      {
        sessionId,
        relationshipId: first,
        programId: spring,
        participantId: 'ann',
        rating: 4,
        helpful: true,
        menteeRatings: [{ menteeId: 'dee', rating: 3 }],
      },
      `session-${sessionId}`,
      '2026-02-01T09:00:00.000Z',
    );
    await record(
      'matching.relationship.reflection-submitted',
      { relationshipId: first, programId: spring, participantId: 'dee', rating: 4, skillsGained: [] },
      `relationship-${first}`,
      '2026-06-01T09:00:00.000Z',
    );

    const analyst = api.as(tenantId, 'analyst-1', ['analyst']);
    const answer = await analyst.post('/query', {
      measures: [
        'mentorsEnrolled',
        'menteesEnrolled',
        'averageMentorLoad',
        'medianDaysToMatch',
        'mentorRetentionRate',
        'averageMenteeRating',
        'averageReflectionRating',
      ],
      filters: { program: [spring] },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.rows).toEqual([
      {
        dimensions: {},
        measures: {
          mentorsEnrolled: 2,
          menteesEnrolled: 2,
          averageMentorLoad: 1,
          medianDaysToMatch: 8,
          mentorRetentionRate: 0.5,
          averageMenteeRating: 3,
          averageReflectionRating: 4,
        },
        suppressed: false,
      },
    ]);
  });
});
