// The last month in the life of the demo's relationships, through the goals and sessions APIs:
// goals set and progressed (some completed), sessions held, missed or cancelled, feedback given,
// and a few relationships ended with closing reflections.
import { expectStatus, forEachWithProgress } from './demo-api.mjs';

const day = 86_400_000;
const skills = ['negotiation', 'public-speaking', 'people-management', 'system-design', 'coaching'];

/** Goals and sessions learn relationships from matching's events: retry while they are unknown. */
async function once(send, what) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      return await send();
    } catch (error) {
      const unknownYet = /answered (404|409)/.test(error.message);
      if (!unknownYet || Date.now() > deadline) throw new Error(`${what}: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** @param {import('./demo-api.mjs').DemoApi} api */
export async function seedActivity(api, programs, random) {
  const relationships = programs.flatMap((program) =>
    program.relationships.map((relationship) => ({
      ...relationship,
      sessionsPerMonth: program.sessionsPerMonth,
    })),
  );
  await forEachWithProgress(
    `goals, sessions and feedback for ${relationships.length} relationships`,
    relationships,
    12,
    async (relationship) => {
      const mentee = relationship.menteeIds[0];
      const mentor = relationship.mentorIds[0];
      const everyone = [...relationship.menteeIds, ...relationship.mentorIds];
      const skill = random.pick(skills);
      const asMentee = api.as(mentee);
      const asMentor = api.as(mentor);
      const goal = await once(
        () =>
          expectStatus(
            asMentee.goals.POST('/api/goals/v1/goals', {
              body: {
                relationshipId: relationship.relationshipId,
                title: `Get better at ${skill.replace('-', ' ')}`,
                description: `Practise ${skill.replace('-', ' ')} in real situations and reflect on each one`,
                measure: { kind: 'metric', baseline: 0, target: 5, unit: 'practice-sessions' },
                relevance: skill,
                dueDate: new Date(Date.now() + random.int(30, 120) * day).toISOString().slice(0, 10),
                horizon: 'short-term',
              },
            }),
          ),
        'setting a goal',
      );
      const byGoal = { params: { path: { goalId: goal.goalId } } };
      // The sessions service takes sessions from 30 days back: the past month is played out, and
      // each relationship gets its next session scheduled.
      const pastDays = 28;
      const sessions = Math.max(1, Math.round(relationship.sessionsPerMonth * (0.5 + random.next())));
      for (let i = 0; i < sessions; i += 1) {
        const startsAt = new Date(Date.now() - (pastDays - i * (pastDays / sessions)) * day).toISOString();
        const session = await once(
          () =>
            expectStatus(
              asMentee.sessions.POST('/api/sessions/v1/sessions', {
                body: {
                  relationshipId: relationship.relationshipId,
                  startsAt,
                  durationMinutes: 45,
                  format: random.pick(['video', 'in-person', 'call']),
                },
              }),
            ),
          'scheduling a session',
        );
        const bySession = { params: { path: { sessionId: session.sessionId } } };
        const outcome = random.next();
        if (outcome < 0.08) {
          await expectStatus(
            asMentor.sessions.POST('/api/sessions/v1/sessions/{sessionId}/cancel', {
              ...bySession,
              body: { reason: 'schedule-conflict' },
            }),
          );
          continue;
        }
        if (outcome < 0.15) {
          await expectStatus(
            asMentee.sessions.POST('/api/sessions/v1/sessions/{sessionId}/no-show', {
              ...bySession,
              body: { absentIds: [mentor] },
            }),
          );
          continue;
        }
        await expectStatus(
          asMentee.sessions.POST('/api/sessions/v1/sessions/{sessionId}/held', {
            ...bySession,
            body: { attendeeIds: everyone, actualDurationMinutes: random.int(30, 60) },
          }),
        );
        await expectStatus(
          asMentee.sessions.POST('/api/sessions/v1/sessions/{sessionId}/feedback', {
            ...bySession,
            body: { rating: random.int(3, 5), mentorRating: random.int(3, 5) },
          }),
        );
        if (random.chance(0.7))
          await expectStatus(
            asMentor.sessions.POST('/api/sessions/v1/sessions/{sessionId}/feedback', {
              ...bySession,
              body: { rating: random.int(3, 5) },
            }),
          );
        await expectStatus(
          asMentee.goals.POST('/api/goals/v1/goals/{goalId}/progress', {
            ...byGoal,
            body: { value: Math.min(5, i + 1) },
          }),
        );
      }
      const next = new Date(Date.now() + random.int(2, 14) * day).toISOString();
      await expectStatus(
        asMentor.sessions.POST('/api/sessions/v1/sessions', {
          body: {
            relationshipId: relationship.relationshipId,
            startsAt: next,
            durationMinutes: 45,
            format: 'video',
          },
        }),
      );
      if (random.chance(0.35))
        await expectStatus(
          asMentee.goals.POST('/api/goals/v1/goals/{goalId}/complete', { ...byGoal, body: {} }),
        );
      if (random.chance(0.12)) {
        const byRelationship = { params: { path: { relationshipId: relationship.relationshipId } } };
        await expectStatus(
          asMentee.matching.POST('/api/matching/v1/relationships/{relationshipId}/end', {
            ...byRelationship,
            body: { reason: 'goals-achieved' },
          }),
        );
        await expectStatus(
          asMentee.matching.POST('/api/matching/v1/relationships/{relationshipId}/reflection', {
            ...byRelationship,
            body: {
              rating: random.int(4, 5),
              goalsAchieved: 'yes',
              skillsGained: [skill],
              wouldRecommend: true,
            },
          }),
        );
      }
    },
  );
}
