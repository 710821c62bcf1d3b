import { randomUUID } from 'node:crypto';
import type { sessions, TandemClient } from '@tandem/api-client';
import { waitFor } from '@tandem/testing';
import { MongoClient, type Db } from 'mongodb';
import { activeRelationship } from './active-relationship.test-kit';
import { startPlatform, type Platform } from './platform.test-kit';

const CREATIONS = 40;
const formats = ['video', 'in-person', 'call', 'chat'] as const;

interface Creation {
  readonly index: number;
  readonly key: string;
  readonly body: {
    relationshipId: string;
    startsAt: string;
    durationMinutes: number;
    format: (typeof formats)[number];
    location: string;
    agenda: { text: string }[];
  };
}

type SessionsClient = TandemClient<'sessions'>;
type ScheduleSession =
  sessions.paths['/api/sessions/v1/sessions']['post']['requestBody']['content']['application/json'];
/** The typed client's answer to a session creation. */
type Answer = Awaited<ReturnType<typeof scheduleSession>>;

/** An answer, or none: the connection broke (or a 5xx, which the server keeps no record of), so the outcome is unknown. */
type Attempt =
  | { readonly answered: true; readonly answer: Answer }
  | { readonly answered: false; readonly reason: string };

/**
 * The fault test: 40 parallel session creations, each with its own Idempotency-Key, the
 * sessions process killed with SIGKILL mid-burst and restarted, every request whose outcome was
 * unknown retried with its key and body until it is answered. Then every key has exactly one
 * session, complete as sent, and every acknowledged one is there.
 */
describe('sessions killed with SIGKILL during 40 parallel creations', () => {
  let platform: Platform;
  let mongo: MongoClient;
  let sessionsDb: Db;
  const tenant = `crash-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    // A short lease, so claims the dead process held lapse within the test; matching supplies the relationship.
    platform = await startPlatform({
      services: ['matching', 'sessions'],
      env: { sessions: { IDEMPOTENCY_LEASE_SECONDS: '3' } },
    });
    mongo = await MongoClient.connect(platform.mongoUri('sessions'));
    sessionsDb = mongo.db();
  }, 180_000);
  afterAll(async () => {
    await mongo?.close();
    await platform?.stop();
  });

  it('leaves every session complete and none duplicated, and answers every retry', async () => {
    const pair = await activeRelationship(platform, tenant);
    const mentee = platform.api('sessions', tenant, pair.menteeId, ['participant']);
    const creations: Creation[] = Array.from({ length: CREATIONS }, (_, index) => ({
      index,
      key: `create-${randomUUID()}`,
      body: {
        relationshipId: pair.relationshipId,
        startsAt: new Date(Date.now() + 2 * 86_400_000 + index * 3_600_000).toISOString(),
        durationMinutes: 30,
        format: formats[index % formats.length]!,
        location: `room-${index}`,
        agenda: [{ text: `agenda ${index} first` }, { text: `agenda ${index} second` }],
      },
    }));
    const attempt = (creation: Creation): Promise<Attempt> =>
      scheduleSession(mentee, creation.body, creation.key).then(
        (answer) =>
          answer.response.status >= 500
            ? { answered: false, reason: `status ${answer.response.status}` }
            : { answered: true, answer },
        (error: Error) => ({ answered: false, reason: error.message }),
      );

    const probeSessionId = await sessionsKnowTheRelationship(mentee, pair.relationshipId);

    let answeredBeforeKill = 0;
    const burst = creations.map((creation) =>
      attempt(creation).then((result) => {
        if (result.answered) answeredBeforeKill++;
        return result;
      }),
    );
    // Mid-burst: the first answer is out, or a quarter of the sessions are stored, whichever comes first.
    const storedBeforeKill = await waitFor(
      async () => {
        const stored = (await scheduledSessionIds(sessionsDb, tenant)).length - 1;
        return (
          (answeredBeforeKill >= 1 || stored >= CREATIONS / 4) && { stored, answered: answeredBeforeKill }
        );
      },
      { timeoutMs: 60_000, intervalMs: 5, description: 'the burst to be under way' },
    );
    await platform.kill('sessions');
    const firstAttempts = await Promise.all(burst);
    const unknown = creations.filter((_, i) => !firstAttempts[i]!.answered);
    // The kill came mid-burst: requests were cut off.
    expect(unknown.length).toBeGreaterThan(0);

    await platform.start('sessions');
    const finalAnswers = new Map<number, Answer>();
    firstAttempts.forEach((result, i) => result.answered && finalAnswers.set(i, result.answer));
    await Promise.all(
      unknown.map(async (creation) => {
        const response = await waitFor(
          async () => {
            const result = await attempt(creation);
            // In flight: the dead process's claim has not lapsed yet; ask again.
            if (!result.answered || result.answer.error?.code === 'idempotency-key-in-flight')
              return undefined;
            return result.answer;
          },
          {
            timeoutMs: 60_000,
            intervalMs: 250,
            description: `an answer to the retry of creation ${creation.index}`,
          },
        );
        finalAnswers.set(creation.index, response);
      }),
    );

    // Every request ended as a created session (first answer or replay) or as "took effect, answer lost".
    const sessionIdOfAnswer = ({ data, error }: Answer): string => {
      if (data) return data.sessionId;
      expect(error).toMatchObject({
        code: 'idempotency-key-outcome-lost',
        streams: [expect.stringMatching(/^session-/)],
      });
      // A problem's own members (here the streams the request wrote) are not in the ProblemDetails schema.
      return (error as unknown as { streams: string[] }).streams[0]!.slice('session-'.length);
    };
    const answeredSessionIds = creations.map((creation) =>
      sessionIdOfAnswer(finalAnswers.get(creation.index)!),
    );

    // What the event store holds: one scheduled session per key, no more (a duplicate would be a new stream).
    const storedSessionIds = (await scheduledSessionIds(sessionsDb, tenant)).filter(
      (id) => id !== probeSessionId,
    );
    expect(storedSessionIds.sort()).toEqual([...answeredSessionIds].sort());
    expect(new Set(answeredSessionIds).size).toBe(CREATIONS);

    // Every stored session complete as sent: format, location and agenda (waiting while the read model catches up).
    const incompleteOf = (listed: Awaited<ReturnType<typeof sessionsOf>>): string[] =>
      creations.flatMap((creation) => {
        const session = listed.get(answeredSessionIds[creation.index]!);
        const complete =
          session?.format === creation.body.format &&
          session.location === creation.body.location &&
          JSON.stringify(session.agenda.map((item) => item.text)) ===
            JSON.stringify(creation.body.agenda.map((item) => item.text));
        return complete
          ? []
          : [
              `creation ${creation.index} (${answeredSessionIds[creation.index]}): ${JSON.stringify(session ?? 'not listed')}`,
            ];
      });
    const listSessions = () => sessionsOf(mentee, pair.relationshipId);
    const listed = await waitFor(
      async () => {
        const sessions = await listSessions();
        return incompleteOf(sessions).length === 0 && sessions;
      },
      { timeoutMs: 60_000, intervalMs: 250, description: 'every stored session to be listed complete' },
    ).catch(listSessions);
    expect(incompleteOf(listed)).toEqual([]);

    const retried = unknown.map((creation) => finalAnswers.get(creation.index)!);
    console.info(
      `sessions crash test: killed with ${storedBeforeKill.stored} stored and ${storedBeforeKill.answered} answered; ${CREATIONS - unknown.length} answered before the kill, ${unknown.length} unknown; retries answered ` +
        `${retried.filter(({ response: r }) => r.status === 201 && r.headers.get('idempotent-replayed') === 'true').length} replayed, ` +
        `${retried.filter(({ response: r }) => r.status === 201 && !r.headers.get('idempotent-replayed')).length} created, ` +
        `${retried.filter(({ response: r }) => r.status === 409).length} outcome-lost; ${storedSessionIds.length} sessions stored`,
    );
  }, 240_000);
});

/** Schedules a session, with an Idempotency-Key when given. */
function scheduleSession(mentee: SessionsClient, body: ScheduleSession, key?: string) {
  return mentee.POST('/api/sessions/v1/sessions', {
    body,
    ...(key === undefined ? {} : { params: { header: { 'Idempotency-Key': key } } }),
  });
}

/** Sessions learns the relationship from matching's events: schedule one probe session until it is accepted. */
async function sessionsKnowTheRelationship(mentee: SessionsClient, relationshipId: string): Promise<string> {
  return waitFor(
    async () => {
      const { data, error, response } = await scheduleSession(mentee, {
        relationshipId,
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        durationMinutes: 30,
        format: 'call',
        location: 'probe',
      });
      // Thrown, so a timeout names the last answer.
      if (!data) throw new Error(`${response.status} ${JSON.stringify(error)}`);
      return data.sessionId;
    },
    {
      timeoutMs: 60_000,
      intervalMs: 250,
      description: 'the sessions service to know the active relationship',
    },
  );
}

/** The ids of the sessions whose `session.scheduled` event is in the sessions service's event store. */
async function scheduledSessionIds(sessionsDb: Db, tenant: string): Promise<string[]> {
  const commits = await sessionsDb
    .collection<{ streamId: string }>('events')
    .find({ tenantId: tenant, 'events.type': 'sessions.session.scheduled' }, { projection: { streamId: 1 } })
    .toArray();
  return commits.map((commit) => commit.streamId.slice('session-'.length));
}

/** The relationship's sessions as the API lists them. */
async function sessionsOf(mentee: SessionsClient, relationshipId: string) {
  const { data, error, response } = await mentee.GET('/api/sessions/v1/sessions', {
    params: { query: { relationshipId, limit: 500 } },
  });
  if (!data) throw new Error(`listing sessions: ${response.status} ${JSON.stringify(error)}`);
  return new Map(data.items.map((session) => [session.sessionId, session]));
}
