import { randomUUID } from 'node:crypto';
import {
  startMatchingApi,
  type ApiClient,
  type MatchingApi,
  completedRun,
} from '../../matching-api.test-kit';

const profile = (skills: { skillsOffered?: readonly string[]; skillsSought?: readonly string[] }) => ({
  languages: ['en'],
  skillsOffered: [],
  skillsSought: [],
  focusAreas: [],
  ...skills,
});
type Pair = { menteeId: string; mentorId: string };

describe('draft review before publishing', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi();
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  it('lists runs, re-solves a draft with a pin, a forbidden pair and a removed mentee, and publishes the chosen one', async () => {
    const program = await admin.post('/programs', {
      name: 'Review',
      type: 'one-to-one',
      settings: { minimumScore: 0, defaultMentorCapacity: 1, criteriaWeights: { skills: 100 } },
    });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const ids: Record<string, string> = {};
    for (const [userId, role, skills] of [
      ['r-mentor-a', 'mentor', { skillsOffered: ['a'] }],
      ['r-mentor-b', 'mentor', { skillsOffered: ['b'] }],
      ['r-mentor-c', 'mentor', { skillsOffered: ['c'] }],
      ['r-mentee-1', 'mentee', { skillsSought: ['a'] }],
      ['r-mentee-2', 'mentee', { skillsSought: ['b'] }],
      ['r-mentee-3', 'mentee', { skillsSought: ['c'] }],
    ] as const) {
      const enrolled = await admin.post(`/programs/${programId}/participants`, {
        userId,
        roles: [role],
        profile: profile(skills),
      });
      ids[userId] = enrolled.body.participantId as string;
    }
    const pair = (mentee: string, mentor: string): Pair => ({
      menteeId: ids[mentee] as string,
      mentorId: ids[mentor] as string,
    });
    await admin.post(`/programs/${programId}/close-enrolment`);
    const runs = `/programs/${programId}/match-runs`;
    const first = await completedRun(admin, programId, {});
    expect(first.body.pairs).toHaveLength(3);

    const reviewed = await completedRun(
      admin,
      programId,
      { pin: [pair('r-mentee-2', 'r-mentor-a')], forbid: [pair('r-mentee-3', 'r-mentor-c')] },
      `${runs}/${first.body.runId}/review`,
    );
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'draft', basedOnRunId: first.body.runId, optimal: true });
    const pairs = reviewed.body.pairs.map((p: Pair) => ({ menteeId: p.menteeId, mentorId: p.mentorId }));
    expect(pairs).toContainEqual(pair('r-mentee-2', 'r-mentor-a'));
    expect(pairs).not.toContainEqual(pair('r-mentee-3', 'r-mentor-c'));
    const again = await completedRun(
      admin,
      programId,
      { remove: [ids['r-mentee-1']] },
      `${runs}/${reviewed.body.runId}/review`,
    );
    expect(again.body.constraints).toEqual({
      pinned: [pair('r-mentee-2', 'r-mentor-a')],
      forbidden: [pair('r-mentee-3', 'r-mentor-c')],
      removed: [ids['r-mentee-1']],
    });
    expect(again.body.pairs.map((p: Pair) => p.menteeId)).not.toContain(ids['r-mentee-1']);

    // Listed newest first, paged.
    const page = await admin.get(`${runs}?limit=2`);
    expect(page.body.items.map((r: { runId: string }) => r.runId)).toEqual([
      again.body.runId,
      reviewed.body.runId,
    ]);
    expect(page.body.items[1]).toMatchObject({
      status: 'draft',
      matched: reviewed.body.report.matched,
      totalScore: reviewed.body.report.totalScore,
      basedOnRunId: first.body.runId,
    });
    const rest = await admin.get(`${runs}?limit=2&cursor=${page.body.nextCursor}`);
    expect(rest.body).toEqual({ items: [expect.objectContaining({ runId: first.body.runId })] });

    // Publish the chosen draft: its pinned pair is proposed; a published run is not reviewed again.
    const published = await admin.post(`${runs}/${reviewed.body.runId}/publish`);
    expect(published.body.status).toBe('published');
    const proposed = (await admin.get(`/relationships?programId=${programId}`)).body.items as {
      mentorIds: string[];
      menteeIds: string[];
    }[];
    expect(proposed).toContainEqual(
      expect.objectContaining({ mentorIds: ['r-mentor-a'], menteeIds: ['r-mentee-2'] }),
    );
    const refused = await admin.post(`${runs}/${reviewed.body.runId}/review`, {
      remove: [ids['r-mentee-1']],
    });
    expect(refused).toMatchObject({ status: 409, body: { code: 'run-published' } });

    // The other drafts pair the same mentees: publishing one now would propose them twice.
    const before = proposed.length;
    const outdated = await admin.post(`${runs}/${first.body.runId}/publish`);
    expect(outdated).toMatchObject({ status: 409, body: { code: 'run-outdated' } });
    expect(outdated.body.detail).toContain('r-mentee-2');
    expect((await admin.get(`${runs}/${first.body.runId}`)).body.status).toBe('draft');
    expect((await admin.get(`/relationships?programId=${programId}`)).body.items).toHaveLength(before);
  });

  it('refuses a pin a hard rule excludes, and an empty review, creating no run', async () => {
    const program = await admin.post('/programs', {
      name: 'Review',
      type: 'one-to-one',
      settings: { minimumScore: 0 },
    });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const mentor = await admin.post(`/programs/${programId}/participants`, {
      userId: 'x-mentor',
      roles: ['mentor'],
      profile: { ...profile({}), languages: ['de'] },
    });
    const mentee = await admin.post(`/programs/${programId}/participants`, {
      userId: 'x-mentee',
      roles: ['mentee'],
      profile: profile({}),
    });
    const runs = `/programs/${programId}/match-runs`;
    const run = await completedRun(admin, programId, {});
    const pin = [{ menteeId: mentee.body.participantId, mentorId: mentor.body.participantId }];
    const excluded = await admin.post(`${runs}/${run.body.runId}/review`, { pin });
    expect(excluded).toMatchObject({ status: 409, body: { code: 'pin-excluded' } });
    expect(excluded.body.detail).toContain('no common language');
    const empty = await admin.post(`${runs}/${run.body.runId}/review`, {});
    expect(empty).toMatchObject({ status: 400, body: { code: 'nothing-to-revise' } });
    expect((await admin.get(runs)).body.items).toHaveLength(1);
  });
});
