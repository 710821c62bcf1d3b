import { randomUUID } from 'node:crypto';
import {
  startMatchingApi,
  type ApiClient,
  type MatchingApi,
  completedRun,
} from '../../matching-api.test-kit';

const noHardRules = {
  excludeSameDepartment: false,
  excludeOwnManager: false,
  excludePreviousPairs: false,
  requireCommonLanguage: false,
};
interface Group {
  dimension: string;
  group: string;
  mentees: number;
  matched: number;
}

describe('group figures of match runs survive differencing', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi();
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  it("does not let a what-if draft that leaves one mentee unmatched reveal that person's gender", async () => {
    const program = await admin.post('/programs', {
      name: 'Fairness',
      type: 'one-to-one',
      settings: { minimumScore: 0, defaultMentorCapacity: 1, criteriaWeights: { skills: 100 } },
    });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const enrol = async (userId: string, role: 'mentor' | 'mentee', profile: Record<string, unknown>) =>
      (await admin.post(`/programs/${programId}/participants`, { userId, roles: [role], profile })).body
        .participantId as string;
    // Six women and six men sign up as mentees; one woman lives an hour from every mentor.
    const menteeIds: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      menteeIds.push(
        await enrol(`g-mentee-${i}`, 'mentee', {
          skillsSought: ['a'],
          timezone: i === 0 ? 'Europe/London' : 'Europe/Paris',
          demographics: { gender: i < 6 ? 'f' : 'm' },
          demographicsConsent: true,
        }),
      );
    }
    for (let i = 0; i < 12; i += 1)
      await enrol(`g-mentor-${i}`, 'mentor', { skillsOffered: ['a'], timezone: 'Europe/Paris' });
    await admin.post(`/programs/${programId}/close-enrolment`);
    const runs = `/programs/${programId}/match-runs`;

    const first = await completedRun(admin, programId, { hardRules: noHardRules });
    expect(first.status).toBe(200);
    expect(first.body.report.matched).toBe(12);
    const women = (groups: Group[]) =>
      groups.find((g) => g.dimension === 'demographic:gender' && g.group === 'f');
    expect(women(first.body.report.groups)).toMatchObject({ mentees: 6, matched: 6 });

    const whatIf = await completedRun(admin, programId, {
      hardRules: { ...noHardRules, maxTimezoneGapHours: 0 },
    });
    expect(whatIf.status).toBe(200);
    expect(whatIf.body.report.unmatchedMentees.map((u: { menteeId: string }) => u.menteeId)).toEqual([
      menteeIds[0],
    ]);
    // Matched women 6 → 5 next to a one-name unmatched list would be her gender: no group is shown.
    expect(whatIf.body.report.groups).toEqual([]);
    expect(whatIf.body.report.suppressedGroups).toBe(2);
    const stored = await admin.get(`${runs}/${whatIf.body.runId}`);
    expect(stored.body.report.groups).toEqual([]);

    // Run again without the rule: it differs from the draft by the same one person, so it shows no
    // groups either; the first run, which showed them before the draft existed, still does.
    const again = await completedRun(admin, programId, { hardRules: noHardRules });
    expect(again.body.report.groups).toEqual([]);
    const firstAgain = await admin.get(`${runs}/${first.body.runId}`);
    expect(women(firstAgain.body.report.groups)).toMatchObject({ mentees: 6, matched: 6 });
  });
});
