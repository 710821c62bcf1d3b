import { randomUUID } from 'node:crypto';
import type { ApiClient } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import { startPlatform, type Platform, type ServiceName } from './platform.test-kit';

/**
 * One program from creation to analytics, driven only through the four services' public HTTP
 * APIs, with the analytics service killed and restarted mid-scenario; the analytics answers must
 * be exactly what the scenario implies.
 */
describe('the whole platform, end to end', () => {
  let platform: Platform;
  const tenant = `e2e-${randomUUID().slice(0, 8)}`;
  const as = (service: ServiceName, userId: string, roles = ['participant']): ApiClient => platform.client(service, tenant, userId, roles);
  const eventually = <T>(probe: () => Promise<T | undefined | false>, description: string) =>
    waitFor(probe, { timeoutMs: 90_000, intervalMs: 300, description });

  beforeAll(async () => {
    platform = await startPlatform();
  }, 180_000);
  afterAll(() => platform?.stop());

  it('runs a program through matching, goals and sessions, and analytics counts exactly what happened', async () => {
    const admin = as('matching', 'admin-1', ['program-admin']);
    const program = await admin.post('/programs', {
      name: 'End-to-end program',
      type: 'one-to-one',
      settings: { defaultMentorCapacity: 1, criteriaWeights: { skills: 100 }, hardRules: { excludeSameDepartment: false, excludeOwnManager: true, excludePreviousPairs: true, requireCommonLanguage: false } },
    });
    expect(program.status).toBe(201);
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const enrol = (userId: string, role: 'mentor' | 'mentee', skills: string[]) =>
      admin.post(`/programs/${programId}/participants`, { userId, roles: [role], profile: role === 'mentor' ? { skillsOffered: skills } : { skillsSought: skills } });
    for (const [userId, role, skills] of [
      ['mentor-a', 'mentor', ['negotiation']],
      ['mentor-b', 'mentor', ['design']],
      ['mentee-a', 'mentee', ['negotiation']],
      ['mentee-b', 'mentee', ['design']],
      ['mentee-c', 'mentee', ['design']],
    ] as const) {
      expect((await enrol(userId, role, [...skills])).status).toBe(201);
    }
    await admin.post(`/programs/${programId}/close-enrolment`);
    const run = await admin.post(`/programs/${programId}/match-runs`, {});
    expect(run.body.report).toMatchObject({ matched: 2, unmatched: 1 });
    await admin.post(`/programs/${programId}/match-runs/${run.body.runId}/publish`);
    await admin.post(`/programs/${programId}/launch`);
    const proposals = (await admin.get(`/relationships?programId=${programId}`)).body.items as { relationshipId: string; mentorIds: string[]; menteeIds: string[] }[];
    expect(proposals).toHaveLength(2);
    for (const proposal of proposals) {
      for (const party of [...proposal.menteeIds, ...proposal.mentorIds]) {
        expect((await as('matching', party).post(`/relationships/${proposal.relationshipId}/accept`)).status).toBe(200);
      }
    }
    const [first, second] = proposals as [(typeof proposals)[number], (typeof proposals)[number]];

    // Goals: the goals service learns the relationships from matching's events.
    const goalIds: string[] = [];
    for (const relationship of [first, second]) {
      const mentee = as('goals', relationship.menteeIds[0]!);
      const goal = await eventually(async () => {
        const response = await mentee.post('/goals', {
          relationshipId: relationship.relationshipId,
          title: 'Lead a negotiation',
          description: 'Prepare and lead one vendor negotiation end to end',
          measure: { kind: 'milestones' },
          relevance: 'negotiation',
          dueDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
          horizon: 'short-term',
          milestones: [{ title: 'Prepare the brief' }],
        });
        return response.status === 201 ? response.body : undefined;
      }, 'goals knows the relationship');
      goalIds.push(goal.goalId);
    }
    const firstMenteeGoals = as('goals', first.menteeIds[0]!);
    expect((await firstMenteeGoals.post(`/goals/${goalIds[0]}/complete`)).status).toBe(200);

    // Sessions: one held session per relationship, rated by the mentee.
    for (const [index, relationship] of [first, second].entries()) {
      const mentee = as('sessions', relationship.menteeIds[0]!);
      const session = await eventually(async () => {
        const response = await mentee.post('/sessions', {
          relationshipId: relationship.relationshipId,
          startsAt: new Date(Date.now() - (index + 2) * 3_600_000).toISOString(),
          durationMinutes: 60,
          format: 'video',
        });
        return response.status === 201 ? response.body : undefined;
      }, 'sessions knows the relationship');
      const held = await mentee.post(`/sessions/${session.sessionId}/held`, { attendeeIds: [...relationship.menteeIds, ...relationship.mentorIds], actualDurationMinutes: 45 });
      expect(held.status).toBe(200);
      expect((await mentee.post(`/sessions/${session.sessionId}/feedback`, { rating: index === 0 ? 5 : 3 })).status).toBe(201);
    }

    // Analytics is killed mid-scenario; what happens meanwhile must still be counted after its restart.
    await platform.kill('analytics');
    expect((await as('matching', first.menteeIds[0]!).post(`/relationships/${first.relationshipId}/end`, { reason: 'goals-achieved' })).status).toBe(200);
    await platform.start('analytics');

    const analyst = as('analytics', 'analyst-1', ['analyst']);
    const expectedSummary = {
      programId,
      enrolledMentors: 2,
      enrolledMentees: 3,
      matchedMentees: 2,
      relationships: { active: 1, paused: 0, ended: 1 },
      sessionsHeld: 2,
      sessionHours: 1.5,
      goalsSet: 2,
      goalsCompleted: 1,
      goalCompletionRate: 0.5,
      averageSessionRating: 4,
    };
    const summary = await eventually(async () => {
      const response = await analyst.get(`/programs/${programId}/summary`);
      return response.status === 200 && matches(response.body, expectedSummary) ? response.body : undefined;
    }, `analytics summary ${JSON.stringify(expectedSummary)} (last: ${platform.output('analytics').slice(-500)})`);
    expect(summary).toMatchObject(expectedSummary);

    const funnel = (await analyst.get(`/programs/${programId}/funnel`)).body as { stages: { step: string; count: number }[] };
    expect(Object.fromEntries(funnel.stages.map((s) => [s.step, s.count]))).toEqual({
      enrolled: 3,
      matched: 2,
      'relationship-started': 2,
      'first-session-held': 2,
      'first-goal-completed': 1,
      'relationship-completed': 1,
    });
    const query = await analyst.post('/query', { measures: ['sessionsHeld', 'goalsSet', 'goalsCompleted'], dimensions: ['program'], filters: { program: [programId] } });
    expect(query.status).toBe(200);
    expect(query.body.rows).toEqual([expect.objectContaining({ dimensions: { program: programId }, measures: { sessionsHeld: 2, goalsSet: 2, goalsCompleted: 1 } })]);
  }, 400_000);
});

function matches(actual: unknown, expected: Record<string, unknown>): boolean {
  try {
    expect(actual).toMatchObject(expected);
    return true;
  } catch {
    return false;
  }
}
