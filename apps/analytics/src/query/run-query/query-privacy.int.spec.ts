import { randomUUID } from 'node:crypto';
import { startServiceApi, type ServiceApi } from '@tandem/runtime/testing';
import { analyticsService } from '../../analytics.module';
import { factRecorder, programCreatedData } from '../../recorded-facts.test-kit';

/** Mentee departments of 6, 5 and 2 mentees, each department with its own mentor. */
const DEPARTMENTS = [
  ['eng', 6],
  ['hr', 5],
  ['legal', 2],
] as const;

describe('POST /query and GET /export.csv survive differencing', () => {
  let api: ServiceApi;
  const tenantId = `acme-${randomUUID().slice(0, 8)}`;
  const programId = `p-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    api = await startServiceApi(analyticsService);
    const record = factRecorder(api, tenantId);
    const at = '2026-01-05T09:00:00.000Z';
    await record('matching.program.created', programCreatedData(programId, 2), `program-${programId}`, at);
    const enrol = (userId: string, role: 'mentor' | 'mentee', department: string) =>
      record(
        'matching.participant.enrolled',
        { programId, participantId: userId, userId, roles: [role], facets: { department } },
        `participant-${userId}`,
        at,
      );
    for (const [department, mentees] of DEPARTMENTS) {
      const mentorId = `mentor-${department}-${randomUUID().slice(0, 6)}`;
      await enrol(mentorId, 'mentor', 'ops');
      for (let i = 0; i < mentees; i += 1) {
        const menteeId = `mentee-${department}-${randomUUID().slice(0, 6)}`;
        const relationshipId = `r-${randomUUID().slice(0, 8)}`;
        await enrol(menteeId, 'mentee', department);
        await record(
          'matching.relationship.started',
          { relationshipId, programId, mentorIds: [mentorId], menteeIds: [menteeId], startedAt: at },
          `relationship-${relationshipId}`,
          at,
        );
      }
    }
  });
  afterAll(() => api.close());

  it('hides a complement, so the total without the dimension does not give the small row away', async () => {
    const analyst = api.as(tenantId, 'analyst-1', ['analyst']);
    const total = await analyst.post('/query', { measures: ['relationships'] });
    expect(total.body.rows).toEqual([{ dimensions: {}, measures: { relationships: 13 }, suppressed: false }]);

    const byDepartment = await analyst.post('/query', {
      measures: ['relationships'],
      dimensions: ['menteeDepartment'],
    });
    expect(byDepartment.status).toBe(200);
    // legal (3 people) is under k = 5; hr (6 people) is the smallest other row: 13 − 6 = hr + legal only.
    expect(byDepartment.body.rows).toEqual([
      { dimensions: { menteeDepartment: 'eng' }, measures: { relationships: 6 }, suppressed: false },
      { dimensions: { menteeDepartment: 'hr' }, measures: { relationships: null }, suppressed: true },
      { dimensions: { menteeDepartment: 'legal' }, measures: { relationships: null }, suppressed: true },
    ]);
  });

  it('refuses a filter value that isolates fewer than k participants, naming it, in the CSV too', async () => {
    const analyst = api.as(tenantId, 'analyst-1', ['analyst']);
    const refused = await analyst.post('/query', {
      measures: ['relationships'],
      filters: { menteeDepartment: ['eng', 'legal'] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'filter-isolates-too-few',
      detail: expect.stringContaining('filter menteeDepartment=legal selects fewer than 5 participants'),
    });
    const csv = await analyst.get('/export.csv?measures=relationships&filters=menteeDepartment:eng|legal');
    expect(csv.status).toBe(400);
    expect(csv.body).toMatchObject({ code: 'filter-isolates-too-few' });

    const allowed = await analyst.post('/query', {
      measures: ['relationships'],
      filters: { menteeDepartment: ['eng', 'hr'] },
    });
    expect(allowed.body.rows).toEqual([
      { dimensions: {}, measures: { relationships: 11 }, suppressed: false },
    ]);
  });
});
