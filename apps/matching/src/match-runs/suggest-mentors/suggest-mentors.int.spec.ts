import { randomUUID } from 'node:crypto';
import { startMatchingApi, type ApiClient, type MatchingApi } from '../../matching-api.test-kit';

const profile = (overrides: Record<string, unknown>) => ({
  languages: ['en'],
  skillsOffered: [],
  skillsSought: [],
  focusAreas: [],
  ...overrides,
});

describe('mentor suggestions', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi();
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  it('ranks the eligible mentors for a mentee, best first, at most `limit` of them', async () => {
    const program = await admin.post('/programs', {
      name: 'Suggestions',
      type: 'one-to-one',
      settings: { matchingMode: 'hybrid', criteriaWeights: { skills: 100 } },
    });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const enrol = async (userId: string, roles: string[], overrides: Record<string, unknown>) =>
      (
        await admin.post(`/programs/${programId}/participants`, {
          userId,
          roles,
          profile: profile(overrides),
        })
      ).body.participantId as string;
    const negotiator = await enrol('mentor-x', ['mentor'], { skillsOffered: ['negotiation'] });
    const designer = await enrol('mentor-y', ['mentor'], { skillsOffered: ['design'] });
    // No language in common: excluded by the program's hard rules, never suggested.
    await enrol('mentor-z', ['mentor'], { skillsOffered: ['negotiation'], languages: ['de'] });
    const menteeId = await enrol('mentee-a', ['mentee'], { skillsSought: ['negotiation'] });
    const mentee = api.as(tenant, 'mentee-a', ['participant']);

    const suggested = await mentee.get(`/programs/${programId}/suggestions`);
    expect(suggested.status).toBe(200);
    expect(suggested.body.menteeId).toBe(menteeId);
    expect(suggested.body.items.map((s: { mentorId: string }) => s.mentorId)).toEqual([negotiator, designer]);
    expect(suggested.body.items[0].score).toBeGreaterThan(suggested.body.items[1].score);
    expect(suggested.body.items[0].breakdown).toEqual([
      expect.objectContaining({ criterion: 'skills', points: suggested.body.items[0].score }),
    ]);
    const forAdmin = await admin.get(`/programs/${programId}/suggestions?menteeId=${menteeId}&limit=1`);
    expect(forAdmin.body).toEqual({ menteeId, items: [suggested.body.items[0]] });

    const overMax = await mentee.get(`/programs/${programId}/suggestions?limit=21`);
    expect(overMax.status).toBe(400);
    expect(overMax.body.errors).toEqual([expect.objectContaining({ path: 'limit' })]);
    expect((await admin.get(`/programs/${programId}/suggestions?menteeId=${negotiator}`)).status).toBe(404);
  });
});
