import { randomUUID } from 'node:crypto';
import {
  startMatchingApi,
  type ApiClient,
  type MatchingApi,
  completedRun,
} from '../../matching-api.test-kit';

const hardRules = {
  excludeSameDepartment: false,
  excludeOwnManager: false,
  excludePreviousPairs: true,
  requireCommonLanguage: true,
};
const profile = (
  languages: string[],
  skills: { skillsOffered?: string[]; skillsSought?: string[] } = {},
) => ({
  languages,
  skillsOffered: [],
  skillsSought: [],
  focusAreas: [],
  ...skills,
});

describe('why not X with Y?, and previous pairs across programs', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi();
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  async function programWith(people: [string, 'mentor' | 'mentee', ReturnType<typeof profile>][]) {
    const program = await admin.post('/programs', {
      name: 'Spring',
      type: 'one-to-one',
      settings: { minimumScore: 0, criteriaWeights: { skills: 100 }, hardRules },
    });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const ids: Record<string, string> = {};
    for (const [userId, role, p] of people) {
      const enrolled = await admin.post(`/programs/${programId}/participants`, {
        userId,
        roles: [role],
        profile: p,
      });
      ids[userId] = enrolled.body.participantId as string;
    }
    await admin.post(`/programs/${programId}/close-enrolment`);
    return { programId, ids };
  }

  it('explains every rule that excludes a pair, with its score, creating nothing; earlier programs count', async () => {
    // Last year's program: mentor-p and mentee-p were paired and started.
    const earlier = await programWith([
      ['mentor-p', 'mentor', profile(['en', 'de'], { skillsOffered: ['sql'] })],
      ['mentee-p', 'mentee', profile(['en'], { skillsSought: ['sql'] })],
    ]);
    const run = await completedRun(admin, earlier.programId, {});
    await admin.post(`/programs/${earlier.programId}/match-runs/${run.body.runId}/publish`);
    await admin.post(`/programs/${earlier.programId}/launch`);
    const [proposal] = (await admin.get(`/relationships?programId=${earlier.programId}`)).body.items;
    await api
      .as(tenant, 'mentee-p', ['participant'])
      .post(`/relationships/${proposal.relationshipId}/accept`);
    const started = await api
      .as(tenant, 'mentor-p', ['participant'])
      .post(`/relationships/${proposal.relationshipId}/accept`);
    expect(started.body.status).toBe('active');

    // This year: the same two people, now also without a common language.
    const { programId, ids } = await programWith([
      ['mentor-p', 'mentor', profile(['de'], { skillsOffered: ['sql'] })],
      ['mentee-p', 'mentee', profile(['en'], { skillsSought: ['sql'] })],
    ]);
    const path = `/programs/${programId}/pair-explanation?menteeId=${ids['mentee-p']}&mentorId=${ids['mentor-p']}`;
    const explained = await admin.get(path);
    expect(explained.status).toBe(200);
    expect(explained.body).toMatchObject({
      menteeId: ids['mentee-p'],
      mentorId: ids['mentor-p'],
      possible: false,
      score: 100,
      minimumScore: 0,
      mentorRemainingCapacity: expect.any(Number),
    });
    expect(explained.body.breakdown).toEqual([expect.objectContaining({ criterion: 'skills', points: 100 })]);
    expect(explained.body.blockers.map((b: { rule?: string }) => b.rule)).toEqual([
      'previously-paired',
      'no-common-language',
    ]);
    expect((await admin.get(`/relationships?programId=${programId}`)).body.items).toEqual([]);

    // The run agrees with the explanation: the pair is not proposed.
    const thisRun = await completedRun(admin, programId, {});
    expect(thisRun.body.pairs).toEqual([]);
    expect(thisRun.body.report.unmatchedMentees[0].reason).toBe('no-eligible-mentor');

    // Only enrolled people of this program, both sides the right way round.
    const swapped = `/programs/${programId}/pair-explanation?menteeId=${ids['mentor-p']}&mentorId=${ids['mentee-p']}`;
    expect(await admin.get(swapped)).toMatchObject({ status: 404, body: { code: 'participant-not-found' } });
    const participant = api.as(tenant, 'mentee-p', ['participant']);
    expect((await participant.get(path)).status).toBe(403);
  });
});
