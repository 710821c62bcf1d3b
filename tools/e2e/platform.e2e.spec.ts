import { randomUUID } from 'node:crypto';
import { waitFor } from '@tandem/testing';
import { expectStatus, startPlatform, type Platform, type ServiceName } from './platform.test-kit';
import { completedMatchRun } from './match-run.test-kit';

/**
 * One program from creation to analytics, driven only through the four services' public HTTP
 * APIs, with the analytics service killed and restarted mid-scenario; the analytics answers must
 * be exactly what the scenario implies.
 */
describe('the whole platform, end to end', () => {
  let platform: Platform;
  const tenant = `e2e-${randomUUID().slice(0, 8)}`;
  const as = <S extends ServiceName>(service: S, userId: string, roles = ['participant']) =>
    platform.api(service, tenant, userId, roles);
  const eventually = <T>(probe: () => Promise<T | undefined | false>, description: string | (() => string)) =>
    waitFor(probe, { timeoutMs: 90_000, intervalMs: 300, description });

  beforeAll(async () => {
    platform = await startPlatform();
  }, 180_000);
  afterAll(() => platform?.stop());

  it('runs a program through matching, goals and sessions, and analytics counts exactly what happened', async () => {
    const admin = as('matching', 'admin-1', ['program-admin']);
    const { programId } = await expectStatus(
      admin.POST('/api/matching/v1/programs', {
        body: {
          name: 'End-to-end program',
          type: 'one-to-one',
          settings: {
            defaultMentorCapacity: 1,
            criteriaWeights: { skills: 100 },
            hardRules: {
              excludeSameDepartment: false,
              excludeOwnManager: true,
              excludePreviousPairs: true,
              requireCommonLanguage: false,
            },
          },
        },
      }),
      201,
      'create program',
    );
    const program = { params: { path: { programId } } };
    await admin.POST('/api/matching/v1/programs/{programId}/open-enrolment', program);
    const enrol = (userId: string, role: 'mentor' | 'mentee', skills: string[]) =>
      admin.POST('/api/matching/v1/programs/{programId}/participants', {
        ...program,
        body: {
          userId,
          roles: [role],
          profile: role === 'mentor' ? { skillsOffered: skills } : { skillsSought: skills },
        },
      });
    for (const [userId, role, skills] of [
      ['mentor-a', 'mentor', ['negotiation']],
      ['mentor-b', 'mentor', ['design']],
      ['mentee-a', 'mentee', ['negotiation']],
      ['mentee-b', 'mentee', ['design']],
      ['mentee-c', 'mentee', ['design']],
    ] as const) {
      expect((await enrol(userId, role, [...skills])).response.status).toBe(201);
    }
    await admin.POST('/api/matching/v1/programs/{programId}/close-enrolment', program);
    const run = await completedMatchRun(admin, programId);
    expect(run.report).toMatchObject({ matched: 2, unmatched: 1 });
    await admin.POST('/api/matching/v1/programs/{programId}/match-runs/{runId}/publish', {
      params: { path: { programId, runId: run.runId } },
    });
    await admin.POST('/api/matching/v1/programs/{programId}/launch', program);
    const proposals = (
      await expectStatus(
        admin.GET('/api/matching/v1/relationships', { params: { query: { programId } } }),
        200,
        'list relationships',
      )
    ).items;
    expect(proposals).toHaveLength(2);
    for (const { relationshipId, menteeIds, mentorIds } of proposals) {
      for (const party of [...menteeIds, ...mentorIds]) {
        const accepted = await as('matching', party).POST(
          '/api/matching/v1/relationships/{relationshipId}/accept',
          { params: { path: { relationshipId } }, body: {} },
        );
        expect(accepted.response.status).toBe(200);
      }
    }
    const [first, second] = proposals as [(typeof proposals)[number], (typeof proposals)[number]];

    // Goals: the goals service learns the relationships from matching's events.
    const goalIds: string[] = [];
    for (const relationship of [first, second]) {
      const mentee = as('goals', relationship.menteeIds[0]!);
      const goal = await eventually(async () => {
        const { data } = await mentee.POST('/api/goals/v1/goals', {
          body: {
            relationshipId: relationship.relationshipId,
            title: 'Lead a negotiation',
            description: 'Prepare and lead one vendor negotiation end to end',
            measure: { kind: 'milestones' },
            relevance: 'negotiation',
            dueDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
            horizon: 'short-term',
            milestones: [{ title: 'Prepare the brief' }],
          },
        });
        return data;
      }, 'goals knows the relationship');
      goalIds.push(goal.goalId);
    }
    const firstMenteeGoals = as('goals', first.menteeIds[0]!);
    const completed = await firstMenteeGoals.POST('/api/goals/v1/goals/{goalId}/complete', {
      params: { path: { goalId: goalIds[0]! } },
      body: {},
    });
    expect(completed.response.status).toBe(200);

    // Sessions: one held session per relationship, rated by the mentee.
    for (const [index, relationship] of [first, second].entries()) {
      const mentee = as('sessions', relationship.menteeIds[0]!);
      const session = await eventually(async () => {
        const { data } = await mentee.POST('/api/sessions/v1/sessions', {
          body: {
            relationshipId: relationship.relationshipId,
            startsAt: new Date(Date.now() - (index + 2) * 3_600_000).toISOString(),
            durationMinutes: 60,
            format: 'video',
          },
        });
        return data;
      }, 'sessions knows the relationship');
      const byId = { params: { path: { sessionId: session.sessionId } } };
      const held = await mentee.POST('/api/sessions/v1/sessions/{sessionId}/held', {
        ...byId,
        body: {
          attendeeIds: [...relationship.menteeIds, ...relationship.mentorIds],
          actualDurationMinutes: 45,
        },
      });
      expect(held.response.status).toBe(200);
      const feedback = await mentee.POST('/api/sessions/v1/sessions/{sessionId}/feedback', {
        ...byId,
        body: { rating: index === 0 ? 5 : 3 },
      });
      expect(feedback.response.status).toBe(201);
    }

    // Analytics is killed mid-scenario; what happens meanwhile must still be counted after its restart.
    await platform.kill('analytics');
    const ended = await as('matching', first.menteeIds[0]!).POST(
      '/api/matching/v1/relationships/{relationshipId}/end',
      { params: { path: { relationshipId: first.relationshipId } }, body: { reason: 'goals-achieved' } },
    );
    expect(ended.response.status).toBe(200);
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
    let lastSummary: unknown;
    const summary = await eventually(
      async () => {
        const { data } = await analyst.GET('/api/analytics/v1/programs/{programId}/summary', program);
        lastSummary = data;
        return data && matches(data, expectedSummary) ? data : undefined;
      },
      () =>
        `analytics summary ${JSON.stringify(expectedSummary)} (last answer: ${JSON.stringify(lastSummary)}; ` +
        `log: ${platform.output('analytics').slice(-500)})`,
    );
    expect(summary).toMatchObject(expectedSummary);

    const funnel = await expectStatus(
      analyst.GET('/api/analytics/v1/programs/{programId}/funnel', program),
      200,
      'funnel',
    );
    expect(Object.fromEntries(funnel.stages.map((s) => [s.step, s.count]))).toEqual({
      enrolled: 3,
      matched: 2,
      'relationship-started': 2,
      'first-session-held': 2,
      'first-goal-completed': 1,
      'relationship-completed': 1,
    });
    const query = await expectStatus(
      analyst.POST('/api/analytics/v1/query', {
        body: {
          measures: ['sessionsHeld', 'goalsSet', 'goalsCompleted'],
          dimensions: ['program'],
          filters: { program: [programId] },
        },
      }),
      200,
      'query',
    );
    expect(query.rows).toEqual([
      expect.objectContaining({
        dimensions: { program: programId },
        measures: { sessionsHeld: 2, goalsSet: 2, goalsCompleted: 1 },
      }),
    ]);
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
