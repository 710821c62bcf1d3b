import { randomUUID } from 'node:crypto';
import { EventStore } from '@tandem/eventstore';
import { Clock } from '../../infrastructure/clock';
import { MentorCapacity } from '../../infrastructure/mentor-capacity';
import { startMatchingApi, type ApiClient, type MatchingApi } from '../../matching-api.test-kit';
import { ProgramClosure } from '../program-closure/program-closure';
import { ProgramDates, PROGRAM_DATES_ACTOR } from './program-dates';

describe('program dates and closing', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `dates-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi();
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  /** Runs the date sweep with the service's clock set to `iso`. */
  async function sweepAt(iso: string): Promise<number> {
    const clock = jest.spyOn(api.app.get(Clock), 'now').mockReturnValue(new Date(iso));
    try {
      return await api.app.get(ProgramDates).sweep();
    } finally {
      clock.mockRestore();
    }
  }
  const statusOf = async (programId: string) => (await admin.get(`/programs/${programId}`)).body.status;

  /** An admin-approval program's started relationship between a new mentor and mentee. */
  async function startRelationship(programId: string) {
    const n = randomUUID().slice(0, 6);
    const mentor = await admin.post(`/programs/${programId}/participants`, {
      userId: `mentor-${n}`,
      roles: ['mentor'],
      capacity: 2,
    });
    const mentee = await admin.post(`/programs/${programId}/participants`, {
      userId: `mentee-${n}`,
      roles: ['mentee'],
    });
    const proposed = await admin.post('/relationships', {
      programId,
      mentorId: mentor.body.participantId,
      menteeIds: [mentee.body.participantId],
    });
    const accepted = await admin.post(`/relationships/${proposed.body.relationshipId}/accept`);
    expect(accepted.body.status).toBe('active');
    return { relationshipId: proposed.body.relationshipId as string, mentorUserId: `mentor-${n}` };
  }

  const endedEvents = async (relationshipId: string) =>
    (await api.app.get(EventStore).readStream(tenant, `relationship-${relationshipId}`)).events.filter(
      (e) => e.type === 'matching.relationship.ended',
    );

  it('opens and closes enrolment on its dates, and closes the program after its end date, ending its relationships', async () => {
    const program = await admin.post('/programs', {
      name: 'Dated',
      type: 'one-to-one',
      settings: {
        acceptance: 'admin-approval',
        enrolmentOpensOn: '2090-01-10',
        enrolmentClosesOn: '2090-01-31',
        endsOn: '2090-06-30',
      },
    });
    expect(program.body.settings).toMatchObject({
      enrolmentOpensOn: '2090-01-10',
      enrolmentClosesOn: '2090-01-31',
    });
    const programId = program.body.programId as string;
    const participant = api.as(tenant, 'early-bird', ['participant']);

    expect(await sweepAt('2090-01-09T23:59:00Z')).toBe(0);
    expect(await statusOf(programId)).toBe('draft');
    await sweepAt('2090-01-10T00:00:00Z');
    expect(await statusOf(programId)).toBe('enrolment-open');
    expect(
      (await participant.post(`/programs/${programId}/participants`, { roles: ['mentee'] })).status,
    ).toBe(201);

    await sweepAt('2090-01-31T23:00:00Z');
    expect(await statusOf(programId)).toBe('enrolment-open');
    await sweepAt('2090-02-01T00:00:00Z');
    expect(await statusOf(programId)).toBe('enrolment-closed');
    const late = await api.as(tenant, 'late', ['participant']).post(`/programs/${programId}/participants`, {
      roles: ['mentee'],
    });
    expect(late.body).toMatchObject({ status: 409, code: 'enrolment-not-open' });

    const { relationshipId, mentorUserId } = await startRelationship(programId);
    await admin.post(`/programs/${programId}/launch`);
    await sweepAt('2090-06-30T12:00:00Z');
    expect(await statusOf(programId)).toBe('active');
    await sweepAt('2090-07-01T00:00:00Z');
    expect(await statusOf(programId)).toBe('closed');
    expect((await admin.get(`/relationships/${relationshipId}`)).body).toMatchObject({
      status: 'ended',
      endReason: 'program-closed',
    });
    expect(await endedEvents(relationshipId)).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ reason: 'program-closed', by: PROGRAM_DATES_ACTOR }),
        metadata: expect.objectContaining({ time: expect.any(String) }),
      }),
    ]);
    const scope = await api.app
      .get(MentorCapacity)
      .scopes.findOne({ _id: `${tenant}/program/${programId}/${mentorUserId}`, tenantId: tenant });
    expect(scope).toMatchObject({ used: 0 });
    // A later run finds nothing left to do.
    expect(await sweepAt('2090-08-01T00:00:00Z')).toBe(0);
  });

  it('closing a program by hand ends its running and paused relationships and lapses its open proposals, once however often the close is delivered', async () => {
    const program = await admin.post('/programs', {
      name: 'By hand',
      type: 'one-to-one',
      settings: { acceptance: 'admin-approval' },
    });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const running = await startRelationship(programId);
    const paused = await startRelationship(programId);
    await admin.post(`/relationships/${paused.relationshipId}/pause`, { reason: 'leave' });
    const mentor = await admin.post(`/programs/${programId}/participants`, {
      userId: 'late-mentor',
      roles: ['mentor'],
    });
    const mentee = await admin.post(`/programs/${programId}/participants`, {
      userId: 'late-mentee',
      roles: ['mentee'],
    });
    const pending = await admin.post('/relationships', {
      programId,
      mentorId: mentor.body.participantId,
      menteeIds: [mentee.body.participantId],
    });
    await admin.post(`/programs/${programId}/close-enrolment`);
    await admin.post(`/programs/${programId}/launch`);

    expect((await admin.post(`/programs/${programId}/close`)).body.status).toBe('closed');
    // A proposal nobody answered lapses with its program: it can start nothing there any more.
    expect((await admin.get(`/relationships/${pending.body.relationshipId}`)).body.status).toBe('expired');
    const late = await admin.post(`/relationships/${pending.body.relationshipId}/accept`);
    expect(late).toMatchObject({ status: 409, body: { code: 'transition-not-allowed' } });
    for (const { relationshipId } of [running, paused]) {
      expect((await admin.get(`/relationships/${relationshipId}`)).body).toMatchObject({
        status: 'ended',
        endReason: 'program-closed',
      });
    }
    // The topic delivers the close again (and twice): nothing more is ended.
    const closed = (await api.app.get(EventStore).readStream(tenant, `program-${programId}`)).events.find(
      (e) => e.type === 'matching.program.closed',
    );
    for (let delivery = 0; delivery < 2; delivery += 1) await api.app.get(ProgramClosure).handle(closed!);
    const expiries = (
      await api.app.get(EventStore).readStream(tenant, `relationship-${pending.body.relationshipId}`)
    ).events.filter((e) => e.type === 'matching.relationship.expired');
    expect(expiries).toHaveLength(1);
    for (const { relationshipId } of [running, paused]) {
      expect(await endedEvents(relationshipId)).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({ reason: 'program-closed', by: 'admin-1' }),
        }),
      ]);
    }
  });
});
