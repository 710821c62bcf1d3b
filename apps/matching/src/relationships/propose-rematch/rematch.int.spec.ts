import { randomUUID } from 'node:crypto';
import { EventStore } from '@tandem/eventstore';
import { startMatchingApi, type ApiClient, type MatchingApi } from '../../matching-api.test-kit';
import { RematchSweep, REMATCH_SWEEP_ACTOR } from '../rematch-sweep/rematch-sweep';
import { RematchProposals } from './rematch-proposals';

const profile = { languages: ['en'], skillsOffered: [], skillsSought: [], focusAreas: [] };

describe('re-match: the queue and a new proposal, through HTTP', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  // A tenant per test: the same people, never paired before (previous pairs count across programs).
  let tenant: string;
  beforeAll(async () => {
    api = await startMatchingApi({ consumeEvents: true });
  });
  beforeEach(() => {
    tenant = `rematch-${randomUUID().slice(0, 8)}`;
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());
  const as = (userId: string) => api.as(tenant, userId, ['participant']);

  /** A program where mentees A and B ended with the same mentor, asking for a re-match; one other mentor has room for one. */
  async function twoQueuedMentees() {
    const program = await admin.post('/programs', { name: 'Re-match', type: 'one-to-one' });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const enrol = (userId: string, roles: string[], capacity?: number) =>
      admin.post(`/programs/${programId}/participants`, {
        userId,
        roles,
        profile,
        ...(capacity ? { capacity } : {}),
      });
    const oldMentor = await enrol('mentor-old', ['mentor'], 2);
    expect((await enrol('mentor-new', ['mentor'], 1)).status).toBe(201);
    const ended: string[] = [];
    for (const userId of ['mentee-a', 'mentee-b']) {
      const mentee = await enrol(userId, ['mentee']);
      const proposal = await admin.post('/relationships', {
        programId,
        mentorId: oldMentor.body.participantId,
        menteeIds: [mentee.body.participantId],
      });
      const path = `/relationships/${proposal.body.relationshipId}`;
      await as(userId).post(`${path}/accept`);
      expect((await as('mentor-old').post(`${path}/accept`)).body.status).toBe('active');
      const end = await as(userId).post(`${path}/end`, { reason: 'not-a-good-fit', requestRematch: true });
      expect(end.body).toMatchObject({ status: 'ended', rematch: { status: 'queued', requestedBy: userId } });
      ended.push(proposal.body.relationshipId);
    }
    return { programId, ended, oldMentorId: oldMentor.body.participantId as string };
  }

  it('queues a mentee who asks for a re-match, proposes another mentor, and the mentee starts with them', async () => {
    const { programId, ended, oldMentorId } = await twoQueuedMentees();

    // The queue, one per page, longest waiting first.
    const first = await admin.get(`/programs/${programId}/rematch-queue?limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      {
        relationshipId: ended[0],
        menteeIds: ['mentee-a'],
        previousMentorIds: ['mentor-old'],
        requestedBy: 'mentee-a',
        requestedAt: expect.any(String),
      },
    ]);
    const second = await admin.get(
      `/programs/${programId}/rematch-queue?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toEqual({ items: [expect.objectContaining({ relationshipId: ended[1] })] });
    expect((await as('mentee-a').get(`/programs/${programId}/rematch-queue`)).status).toBe(403);

    // The previous mentor is excluded, also when an admin names them.
    const previous = await admin.post(`/relationships/${ended[0]}/rematch`, {
      mentorId: oldMentorId,
    });
    expect(previous.status).toBe(409);
    expect(previous.body.code).toBe('previous-mentor-excluded');
    expect((await as('mentee-a').post(`/relationships/${ended[0]}/rematch`, {})).status).toBe(403);

    const rematched = await admin.post(`/relationships/${ended[0]}/rematch`, {});
    expect(rematched.status).toBe(201);
    expect(rematched.body).toMatchObject({
      status: 'proposed',
      mentorIds: ['mentor-new'],
      menteeIds: ['mentee-a'],
      source: 'admin',
      version: 1,
    });
    expect((await admin.post(`/relationships/${ended[0]}/rematch`, {})).body.code).toBe(
      'rematch-already-proposed',
    );
    expect((await admin.get(`/relationships/${ended[0]}`)).body.rematch).toMatchObject({
      status: 'proposed',
      newRelationshipId: rematched.body.relationshipId,
    });
    // The only other mentor's place is now taken by that proposal: nobody fits mentee B yet.
    expect((await admin.post(`/relationships/${ended[1]}/rematch`, {})).body.code).toBe(
      'no-mentor-available',
    );
    expect((await admin.get(`/programs/${programId}/rematch-queue`)).body.items).toEqual([
      expect.objectContaining({ relationshipId: ended[1] }),
    ]);

    // The mentee finds the new proposal and starts with the new mentor.
    const mine = await as('mentee-a').get(`/relationships?programId=${programId}&status=proposed`);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ relationshipId: rematched.body.relationshipId }),
    ]);
    const path = `/relationships/${rematched.body.relationshipId}`;
    await as('mentee-a').post(`${path}/accept`);
    expect((await as('mentor-new').post(`${path}/accept`)).body.status).toBe('active');

    await api.waitForEvents((events) =>
      events.some(
        (e) =>
          e.type === 'matching.relationship.started' &&
          e.data.relationshipId === rematched.body.relationshipId,
      ),
    );
    expect(
      api.events.find(
        (e) => e.type === 'matching.relationship.rematch-proposed' && e.data.relationshipId === ended[0],
      )?.data,
    ).toMatchObject({
      relationshipId: ended[0],
      by: 'admin-1',
      newRelationshipId: rematched.body.relationshipId,
      mentorIds: ['mentor-new'],
    });
  });

  it('answers queued re-matches by itself when the scheduled job runs, leaving queued whom nobody fits yet', async () => {
    const { programId, ended } = await twoQueuedMentees();
    expect(await api.app.get(RematchSweep).sweep()).toBe(1);
    expect((await admin.get(`/programs/${programId}/rematch-queue`)).body.items).toEqual([
      expect.objectContaining({ relationshipId: ended[1] }),
    ]);
    const proposals = (await as('mentee-a').get(`/relationships?programId=${programId}&status=proposed`)).body
      .items;
    expect(proposals).toEqual([
      expect.objectContaining({ mentorIds: ['mentor-new'], menteeIds: ['mentee-a'] }),
    ]);
    expect(await api.app.get(RematchSweep).sweep()).toBe(0);
    // The decision delivered again (from the topic, twice) proposes nothing more.
    const store = api.app.get(EventStore);
    const decision = (await store.readStream(tenant, `relationship-${ended[0]}`)).events.at(-1)!;
    expect(decision.type).toBe('matching.relationship.rematch-proposed');
    for (let delivery = 0; delivery < 2; delivery += 1) await api.app.get(RematchProposals).handle(decision);
    expect((await store.readStream(tenant, `relationship-${proposals[0].relationshipId}`)).version).toBe(1);
    await api.waitForEvents((events) =>
      events.some(
        (e) => e.type === 'matching.relationship.rematch-proposed' && e.data.relationshipId === ended[0],
      ),
    );
    expect(
      api.events.find(
        (e) => e.type === 'matching.relationship.rematch-proposed' && e.data.relationshipId === ended[0],
      )?.data,
    ).toMatchObject({ by: REMATCH_SWEEP_ACTOR, newRelationshipId: proposals[0].relationshipId });
  });
});
