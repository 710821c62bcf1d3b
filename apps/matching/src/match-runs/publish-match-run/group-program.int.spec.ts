import { randomUUID } from 'node:crypto';
import {
  startMatchingApi,
  type ApiClient,
  type MatchingApi,
  completedRun,
} from '../../matching-api.test-kit';

const profile = { languages: ['en'], skillsOffered: [], skillsSought: [], focusAreas: [] };

describe('a group program, end to end', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi();
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  it('refuses a mentor capacity above maxGroupSize with a clear 400, enrolling nobody', async () => {
    const program = await admin.post('/programs', {
      name: 'Circles',
      type: 'group',
      settings: { maxGroupSize: 3, minimumScore: 0 },
    });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const refused = await admin.post(`/programs/${programId}/participants`, {
      userId: 'mentor-big',
      roles: ['mentor'],
      capacity: 4,
      profile,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('capacity-above-group-size');
    expect(refused.body.detail).toContain('maxGroupSize (3)');
    expect((await admin.get(`/programs/${programId}/participants`)).body.items).toEqual([]);
  });

  it('publishing a run forms one relationship per mentor with their mentees, none above maxGroupSize', async () => {
    const program = await admin.post('/programs', {
      name: 'Circles',
      type: 'group',
      settings: { maxGroupSize: 3, minimumScore: 0 },
    });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const enrol = async (userId: string, role: 'mentor' | 'mentee') =>
      (await admin.post(`/programs/${programId}/participants`, { userId, roles: [role], profile })).body;
    const mentors = [await enrol('g-mentor-1', 'mentor'), await enrol('g-mentor-2', 'mentor')];
    expect(mentors.map((m) => m.capacity)).toEqual([3, 3]);
    for (let i = 0; i < 7; i += 1) await enrol(`g-mentee-${i}`, 'mentee');
    await admin.post(`/programs/${programId}/close-enrolment`);

    const run = await completedRun(admin, programId, {});
    expect(run.body.report).toMatchObject({ matched: 6, unmatched: 1 });
    expect(run.body.report.unmatchedMentees[0].reason).toBe('capacity-exhausted');
    const published = await admin.post(`/programs/${programId}/match-runs/${run.body.runId}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.relationshipIds).toHaveLength(2);

    const relationships = (await admin.get(`/relationships?programId=${programId}`)).body.items as {
      mentorIds: string[];
      menteeIds: string[];
      status: string;
    }[];
    expect(relationships.map((r) => r.mentorIds).sort()).toEqual([['g-mentor-1'], ['g-mentor-2']]);
    for (const relationship of relationships) {
      expect(relationship.status).toBe('proposed');
      expect(relationship.menteeIds).toHaveLength(3);
    }
    expect(new Set(relationships.flatMap((r) => r.menteeIds)).size).toBe(6);
  });
});
