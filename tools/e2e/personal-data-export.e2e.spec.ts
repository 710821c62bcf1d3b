import { randomUUID } from 'node:crypto';
import { waitFor } from '@tandem/testing';
import { activeRelationship } from './active-relationship.test-kit';
import { storedTextsIn } from './database-scan.test-kit';
import { expectStatus, serviceNames, startPlatform, type Platform } from './platform.test-kit';

/**
 * The rights of access and erasure across the platform: one person with a history in every service
 * asks for their export; it holds every item of theirs (directory entry, profile, relationship, goal
 * and progress note, session, note, feedback comment, action item, reflection, analytics facts) and
 * nothing another person wrote. Then they are erased, with one service down when it is asked: once it
 * is back, their name, e-mail and texts are nowhere, in no database and no answer, and the program's
 * analytics totals are what they were.
 */
describe('personal data export and erasure across services', () => {
  let platform: Platform;
  const tenant = `export-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    platform = await startPlatform({ services: ['matching', 'goals', 'sessions', 'analytics'] });
  }, 240_000);
  afterAll(() => platform?.stop());

  const eventually = <T>(probe: () => Promise<T | undefined | false>, description: string | (() => string)) =>
    waitFor(probe, { timeoutMs: 30_000, intervalMs: 200, description });

  it('gives the mentee everything of theirs from all four services, none of their mentor’s texts, and then erases it all', async () => {
    const { token } = await expectStatus(
      platform.api('matching', tenant, 'it-admin', ['platform-admin']).POST('/api/matching/v1/scim-tokens'),
      201,
      'issue a SCIM token',
    );
    for (const [userId, displayName] of [
      ['mentor-1', 'Hercule Mentor'],
      ['mentee-1', 'Jane Menteeworth'],
    ] as const) {
      const created = await fetch(`${platform.url('matching')}/api/matching/v1/scim/v2/Users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify({
          userName: `${userId}@people.example`,
          externalId: userId,
          displayName,
          emails: [{ value: `${userId}@people.example`, primary: true }],
        }),
      });
      expect(created.status).toBe(201);
    }
    const { relationshipId, menteeId, mentorId, programId } = await activeRelationship(platform, tenant);

    const menteeGoals = platform.api('goals', tenant, menteeId, ['participant']);
    const goal = await eventually(async () => {
      const { data } = await menteeGoals.POST('/api/goals/v1/goals', {
        body: {
          relationshipId,
          title: 'Menteeworth speaks at the all-hands',
          description: 'Menteeworth drafts and gives a ten-minute talk',
          measure: { kind: 'milestones' },
          relevance: 'presenting',
          dueDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
          horizon: 'short-term',
          milestones: [{ title: 'Menteeworth outlines the talk' }],
        },
      });
      return data;
    }, 'goals knows the relationship');
    await expectStatus(
      menteeGoals.POST('/api/goals/v1/goals/{goalId}/progress', {
        params: { path: { goalId: goal.goalId } },
        body: { percent: 30, note: 'Menteeworth rehearsed twice' },
      }),
      200,
      'record progress',
    );

    const menteeSessions = platform.api('sessions', tenant, menteeId, ['participant']);
    const mentorSessions = platform.api('sessions', tenant, mentorId, ['participant']);
    const session = await eventually(async () => {
      const { data } = await menteeSessions.POST('/api/sessions/v1/sessions', {
        body: {
          relationshipId,
          startsAt: new Date(Date.now() - 3_600_000).toISOString(),
          durationMinutes: 60,
          format: 'video',
        },
      });
      return data;
    }, 'sessions knows the relationship');
    const bySession = { params: { path: { sessionId: session.sessionId } } };
    await expectStatus(
      menteeSessions.POST('/api/sessions/v1/sessions/{sessionId}/held', {
        ...bySession,
        body: { attendeeIds: [menteeId, mentorId], actualDurationMinutes: 45 },
      }),
      200,
      'hold the session',
    );
    await expectStatus(
      menteeSessions.POST('/api/sessions/v1/sessions/{sessionId}/notes', {
        ...bySession,
        body: { text: 'Menteeworth noted: slow down on slide three', visibility: 'shared' },
      }),
      201,
      'mentee note',
    );
    await expectStatus(
      mentorSessions.POST('/api/sessions/v1/sessions/{sessionId}/notes', {
        ...bySession,
        body: { text: 'Mentor private musing about pacing', visibility: 'shared' },
      }),
      201,
      'mentor note',
    );
    await expectStatus(
      menteeSessions.POST('/api/sessions/v1/sessions/{sessionId}/feedback', {
        ...bySession,
        body: { rating: 5, comment: 'Menteeworth found this session useful', commentVisibility: 'shared' },
      }),
      201,
      'mentee feedback',
    );
    await expectStatus(
      mentorSessions.POST('/api/sessions/v1/sessions/{sessionId}/action-items', {
        ...bySession,
        body: { text: 'Menteeworth books the rehearsal room', assigneeId: menteeId },
      }),
      201,
      'action item for the mentee',
    );

    const matchingAs = (userId: string) => platform.api('matching', tenant, userId, ['participant']);
    const byRelationship = { params: { path: { relationshipId } } };
    await expectStatus(
      matchingAs(menteeId).POST('/api/matching/v1/relationships/{relationshipId}/end', {
        ...byRelationship,
        body: { reason: 'goals-achieved' },
      }),
      200,
      'end',
    );
    for (const [userId, comment] of [
      [menteeId, 'Menteeworth grew in confidence'],
      [mentorId, 'Mentor reflection kept to themself'],
    ] as const)
      await expectStatus(
        matchingAs(userId).POST('/api/matching/v1/relationships/{relationshipId}/reflection', {
          ...byRelationship,
          body: {
            rating: 5,
            goalsAchieved: 'yes',
            wouldRecommend: true,
            comment,
            commentVisibility: 'shared',
          },
        }),
        200,
        'reflect',
      );

    // Analytics learns the relationship's end from matching's events.
    const exported = await eventually(async () => {
      const { data } = await matchingAs(menteeId).GET('/api/matching/v1/people/{userId}/export', {
        params: { path: { userId: menteeId } },
      });
      const analytics = data?.services.analytics as { relationships?: { status?: string }[] } | undefined;
      return analytics?.relationships?.some((r) => r.status === 'ended') && data;
    }, 'analytics has the relationship ended');

    expect(exported).toMatchObject({
      format: 'tandem.personal-data-export',
      formatVersion: 1,
      tenantId: tenant,
      userId: menteeId,
      services: {
        matching: { service: 'matching', userId: menteeId },
        goals: { service: 'goals', userId: menteeId },
        sessions: { service: 'sessions', userId: menteeId },
        analytics: { service: 'analytics', userId: menteeId },
      },
    });
    const text = JSON.stringify(exported);
    for (const theirs of [
      'Jane Menteeworth',
      'mentee-1@people.example',
      'Menteeworth speaks at the all-hands',
      'Menteeworth drafts and gives a ten-minute talk',
      'Menteeworth outlines the talk',
      'Menteeworth rehearsed twice',
      'Menteeworth noted: slow down on slide three',
      'Menteeworth found this session useful',
      'Menteeworth books the rehearsal room',
      'Menteeworth grew in confidence',
      session.sessionId,
      relationshipId,
    ])
      expect({ item: theirs, found: text.includes(theirs) }).toEqual({ item: theirs, found: true });
    for (const someoneElses of [
      'Hercule Mentor',
      'mentor-1@people.example',
      'Mentor private musing about pacing',
      'Mentor reflection kept to themself',
    ])
      expect({ item: someoneElses, found: text.includes(someoneElses) }).toEqual({
        item: someoneElses,
        found: false,
      });

    // The mentor may not read the mentee's export; a platform admin may.
    const { response: refused } = await matchingAs(mentorId).GET('/api/matching/v1/people/{userId}/export', {
      params: { path: { userId: menteeId } },
    });
    expect(refused.status).toBe(403);
    const byAdmin = await expectStatus(
      platform
        .api('matching', tenant, 'it-admin', ['platform-admin'])
        .GET('/api/matching/v1/people/{userId}/export', { params: { path: { userId: menteeId } } }),
      200,
      'export as a platform admin',
    );
    expect(byAdmin.services.sessions).toEqual(exported.services.sessions);

    await erase({
      programId,
      menteeId,
      mentorId,
      relationshipId,
      sessionId: session.sessionId,
      goalId: goal.goalId,
    });
  });

  /** The mentee's name, e-mail and texts all carry "Menteeworth" or their address; the mentor's carry "Mentor". */
  const menteeMarks = ['Menteeworth', 'mentee-1@people.example'];
  const mentorTexts = [
    'Hercule Mentor',
    'mentor-1@people.example',
    'Mentor private musing about pacing',
    'Mentor reflection kept to themself',
  ];

  async function erase(ids: {
    programId: string;
    menteeId: string;
    mentorId: string;
    relationshipId: string;
    sessionId: string;
    goalId: string;
  }) {
    const analyst = platform.api('analytics', tenant, 'analyst-1', ['analyst']);
    const byProgram = { params: { path: { programId: ids.programId } } };
    const totals = async () =>
      JSON.stringify(
        await Promise.all([
          expectStatus(
            analyst.GET('/api/analytics/v1/programs/{programId}/summary', byProgram),
            200,
            'summary',
          ),
          expectStatus(
            analyst.GET('/api/analytics/v1/programs/{programId}/funnel', byProgram),
            200,
            'funnel',
          ),
        ]),
      );
    // Analytics may still be taking in the last events: the totals are read once they hold still.
    let before = '';
    await waitFor(
      async () => {
        const now = await totals();
        const settled = now === before;
        before = now;
        return settled;
      },
      { timeoutMs: 30_000, intervalMs: 1_000, description: 'analytics totals to settle' },
    );
    for (const service of serviceNames)
      expect({
        service,
        found: (await storedTextsIn(platform.mongoUri(service), menteeMarks)).length > 0,
      }).toMatchObject({
        service,
        found: service !== 'analytics',
      });

    // Goals is down when the request comes: its part must wait for it, not be lost.
    await platform.kill('goals');
    const root = platform.api('matching', tenant, 'it-admin', ['platform-admin']);
    const request = await expectStatus(
      root.POST('/api/matching/v1/people/{userId}/erasure-requests', {
        params: { path: { userId: ids.menteeId } },
      }),
      202,
      'request the erasure',
    );
    const progress = () =>
      expectStatus(
        root.GET('/api/matching/v1/erasure-requests/{requestId}', {
          params: { path: { requestId: request.requestId } },
        }),
        200,
        'erasure progress',
      );
    const statusOf = async () =>
      Object.fromEntries((await progress()).services.map(({ service, status }) => [service, status]));
    await waitFor(
      async () => {
        const now = await statusOf();
        return now['matching'] === 'erased' && now['sessions'] === 'erased' && now['analytics'] === 'erased';
      },
      {
        timeoutMs: 60_000,
        intervalMs: 300,
        description: 'matching, sessions and analytics to erase their parts',
      },
    );
    expect(await statusOf()).toMatchObject({ goals: 'pending' });
    expect((await progress()).status).toBe('running');

    await platform.start('goals');
    await waitFor(async () => (await progress()).status === 'completed', {
      timeoutMs: 60_000,
      intervalMs: 300,
      description: () =>
        `every service to erase its part (goals output: ${platform.output('goals').slice(-2000)})`,
    });

    for (const service of serviceNames) {
      expect({ service, left: await storedTextsIn(platform.mongoUri(service), menteeMarks) }).toEqual({
        service,
        left: [],
      });
    }
    const mentorsLeft = (
      await Promise.all(serviceNames.map((service) => storedTextsIn(platform.mongoUri(service), mentorTexts)))
    ).flat();
    expect(new Set(mentorsLeft.map((found) => found.text))).toEqual(new Set(mentorTexts));

    // What the mentor, an admin and the analyst read no longer carries the mentee's data.
    const mentorOf = <S extends 'matching' | 'goals' | 'sessions'>(service: S) =>
      platform.api(service, tenant, ids.mentorId, ['participant']);
    const answers = await Promise.all([
      mentorOf('matching').GET('/api/matching/v1/relationships/{relationshipId}', {
        params: { path: { relationshipId: ids.relationshipId }, query: { include: 'people' } },
      }),
      mentorOf('goals').GET('/api/goals/v1/goals', {
        params: { query: { relationshipId: ids.relationshipId } },
      }),
      mentorOf('goals').GET('/api/goals/v1/goals/{goalId}', { params: { path: { goalId: ids.goalId } } }),
      mentorOf('sessions').GET('/api/sessions/v1/sessions/{sessionId}', {
        params: { path: { sessionId: ids.sessionId } },
      }),
      mentorOf('sessions').GET('/api/sessions/v1/sessions/{sessionId}/notes', {
        params: { path: { sessionId: ids.sessionId } },
      }),
      root.GET('/api/matching/v1/people', {
        params: { query: { userIds: `${ids.menteeId},${ids.mentorId}` } },
      }),
      root.GET('/api/matching/v1/people/{userId}/export', { params: { path: { userId: ids.menteeId } } }),
    ]);
    for (const { response, data, error } of answers) {
      const text = JSON.stringify(data ?? error);
      expect({ url: response.url, status: response.status }).toMatchObject({ status: 200 });
      for (const mark of menteeMarks)
        expect({ url: response.url, mark, found: text.includes(mark) }).toMatchObject({ found: false });
    }
    expect(JSON.stringify(answers.map((a) => a.data))).toContain('Hercule Mentor');
    expect(await totals()).toBe(before);
  }
});
