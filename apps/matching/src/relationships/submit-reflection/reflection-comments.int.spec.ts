import { randomUUID } from 'node:crypto';
import { startMatchingApi, type ApiClient, type MatchingApi } from '../../matching-api.test-kit';

const profile = { languages: ['en'], skillsOffered: [], skillsSought: [], focusAreas: [] };

describe('closing reflection comments are private to their author unless shared', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi();
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  /** A fresh pair that met and ended with its goals achieved: ready for closing reflections. */
  async function endedPair() {
    const id = randomUUID().slice(0, 8);
    const [mentorId, menteeId] = [`mentor-${id}`, `mentee-${id}`];
    const mentor = api.as(tenant, mentorId, ['participant']);
    const mentee = api.as(tenant, menteeId, ['participant']);
    const program = await admin.post('/programs', { name: 'Reflections', type: 'one-to-one' });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const enrol = (userId: string, role: 'mentor' | 'mentee') =>
      admin.post(`/programs/${programId}/participants`, { userId, roles: [role], profile });
    const [mentorParticipant, menteeParticipant] = [
      await enrol(mentorId, 'mentor'),
      await enrol(menteeId, 'mentee'),
    ];
    await admin.post(`/programs/${programId}/launch`);
    const proposal = await admin.post('/relationships', {
      programId,
      mentorId: mentorParticipant.body.participantId,
      menteeIds: [menteeParticipant.body.participantId],
    });
    const path = `/relationships/${proposal.body.relationshipId}`;
    await mentee.post(`${path}/accept`);
    expect((await mentor.post(`${path}/accept`)).body.status).toBe('active');
    expect((await mentee.post(`${path}/end`, { reason: 'goals-achieved' })).body.status).toBe('ended');
    return { path, mentor, mentee, mentorId, menteeId };
  }

  const reflection = { rating: 5, goalsAchieved: 'yes', skillsGained: ['negotiation'], wouldRecommend: true };

  it('shows a comment to its author only by default, to admins or everyone when the author chose so', async () => {
    const { path, mentor, mentee, mentorId, menteeId } = await endedPair();
    const mine = await mentee.post(`${path}/reflection`, {
      ...reflection,
      comment: 'I was nervous at first',
    });
    expect(mine.status).toBe(200);
    expect(mine.body.reflectionComments).toEqual({ [menteeId]: 'I was nervous at first' });
    for (const reader of [mentor, admin]) {
      expect((await reader.get(path)).body).not.toHaveProperty('reflectionComments');
    }

    const shared = await mentor.post(`${path}/reflection`, {
      ...reflection,
      comment: 'A great mentee',
      commentVisibility: 'shared',
    });
    expect(shared.body.reflectionComments).toEqual({ [mentorId]: 'A great mentee' });
    expect((await mentee.get(path)).body.reflectionComments).toEqual({
      [menteeId]: 'I was nervous at first',
      [mentorId]: 'A great mentee',
    });
    expect((await admin.get(path)).body.reflectionComments).toEqual({ [mentorId]: 'A great mentee' });
    // Lists never carry comments: each reader's share is on the relationship itself.
    const listed = (await mentee.get('/relationships')).body.items;
    expect(listed.every((r: object) => !('reflectionComments' in r))).toBe(true);
  });

  it('shows a comment shared with admins to them, not to the other party', async () => {
    const { path, mentor, mentee, menteeId } = await endedPair();
    await mentee.post(`${path}/reflection`, {
      ...reflection,
      comment: 'The mentor cancelled often',
      commentVisibility: 'private-with-admins',
    });
    expect((await admin.get(path)).body.reflectionComments).toEqual({
      [menteeId]: 'The mentor cancelled often',
    });
    expect((await mentor.get(path)).body).not.toHaveProperty('reflectionComments');
  });
});
