import { eventDefinition, type EventData, type RawEvent, type TandemEventType } from '@tandem/events';
import { programCreatedData } from '@tandem/testing';

// The events of large programs as the three producing services publish them, so the analytics
// service builds its facts and rollups the way it does in production. Per program: 1,500
// participants (1,000 mentees), 1,000 relationships, 15,500 sessions (a quarter rated) and 2,000
// goals (a third completed): 20,001 facts from about 25,500 events.

export const FACTS_PER_PROGRAM = 20_001;
const mentees = 1000;
const mentors = 500;
const sessionsPerRelationship = 15.5;
const departments = ['eng', 'sales', 'ops', 'legal', 'finance', 'hr', 'design', 'support'];
const day = 86_400_000;
const start = Date.parse('2025-01-06T09:00:00.000Z');

const iso = (ms: number) => new Date(ms).toISOString();

function eventOf<T extends TandemEventType>(
  tenantId: string,
  stream: string,
  version: number,
  type: T,
  data: EventData<T>,
  at: number,
  id: string,
): RawEvent {
  return {
    attributes: {
      id,
      source: `/tandem/${type.slice(0, type.indexOf('.'))}`,
      specversion: '1.0',
      type,
      time: iso(at),
      tenantid: tenantId,
      version: String(eventDefinition(type)?.version ?? 1),
      streamid: stream,
      streamversion: String(version),
    },
    data,
  };
}

/** One program's events, streams in version order (what each partition key preserves). */
export function* programEvents(tenantId: string, programIndex: number): Generator<RawEvent> {
  const programId = `p${programIndex}`;
  let n = 0;
  const id = () => `${programId}-e${(n += 1)}`;
  const at = (days: number) => start + programIndex * 3 * day + days * day;
  yield eventOf(
    tenantId,
    `program-${programId}`,
    1,
    'matching.program.created',
    programCreatedData(programId, { programType: programIndex % 3 === 0 ? 'group' : 'one-to-one' }),
    at(0),
    id(),
  );
  yield eventOf(
    tenantId,
    `program-${programId}`,
    2,
    'matching.program.launched',
    { programId, by: 'admin-1' },
    at(5),
    id(),
  );
  const user = (kind: string, i: number) => `${programId}-${kind}${i}`;
  for (let i = 0; i < mentees + mentors; i += 1) {
    const mentor = i >= mentees;
    const participantId = `${programId}-pa${i}`;
    yield eventOf(
      tenantId,
      `participant-${participantId}`,
      1,
      'matching.participant.enrolled',
      {
        programId,
        participantId,
        userId: mentor ? user('mentor', i - mentees) : user('mentee', i),
        roles: [mentor ? 'mentor' : 'mentee'],
        facets: { department: departments[i % departments.length] as string },
      },
      at(1 + (i % 4)),
      id(),
    );
  }
  for (let r = 0; r < mentees; r += 1) {
    const relationshipId = `${programId}-r${r}`;
    const ref = { relationshipId, programId };
    const pair = { mentorIds: [user('mentor', r % mentors)], menteeIds: [user('mentee', r)] };
    const stream = `relationship-${relationshipId}`;
    yield eventOf(
      tenantId,
      stream,
      1,
      'matching.relationship.proposed',
      { ...ref, ...pair, score: 70 + (r % 30), source: 'match-run', expiresAt: iso(at(20)) },
      at(6),
      id(),
    );
    yield eventOf(
      tenantId,
      stream,
      2,
      'matching.relationship.started',
      { ...ref, ...pair, startedAt: iso(at(7 + (r % 5))) },
      at(7 + (r % 5)),
      id(),
    );
    const sessions = r % 2 === 0 ? Math.floor(sessionsPerRelationship) : Math.ceil(sessionsPerRelationship);
    for (let s = 0; s < sessions; s += 1) {
      const sessionId = `${relationshipId}-s${s}`;
      const heldAt = at(10 + s * 14 + (r % 7));
      const sessionRef = { sessionId, ...ref };
      yield eventOf(
        tenantId,
        `session-${sessionId}`,
        1,
        'sessions.session.held',
        {
          ...sessionRef,
          kind: 'meeting',
          heldAt: iso(heldAt),
          durationMinutes: 30 + (s % 4) * 15,
          attendeeIds: [...pair.mentorIds, ...pair.menteeIds],
        },
        heldAt,
        id(),
      );
      if ((r + s) % 4 === 0)
        yield eventOf(
          tenantId,
          `session-${sessionId}`,
          2,
          'sessions.session.feedback-submitted',
          {
            ...sessionRef,
            participantId: pair.menteeIds[0] as string,
            rating: 3 + ((r + s) % 3),
            helpful: true,
          },
          heldAt + 3_600_000,
          id(),
        );
    }
    for (let g = 0; g < 2; g += 1) {
      const goalId = `${relationshipId}-g${g}`;
      const setAt = at(12 + g);
      yield eventOf(
        tenantId,
        `goal-${goalId}`,
        1,
        'goals.goal.set',
        {
          goalId,
          ...ref,
          ownerId: pair.menteeIds[0] as string,
          targetDate: iso(at(90)).slice(0, 10),
          measure: { kind: 'milestones' },
          horizon: 'short-term',
          setAt: iso(setAt),
        },
        setAt,
        id(),
      );
      if ((r + g) % 3 === 0)
        yield eventOf(
          tenantId,
          `goal-${goalId}`,
          2,
          'goals.goal.completed',
          { goalId, ...ref, completedBy: pair.menteeIds[0] as string, completedAt: iso(at(60 + g)) },
          at(60 + g),
          id(),
        );
    }
  }
}
