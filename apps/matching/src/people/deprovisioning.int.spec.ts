import { randomUUID } from 'node:crypto';
import { startMatchingApi, type ApiClient, type MatchingApi } from '../matching-api.test-kit';

/** A person deactivated by the identity provider: what happens to their programs and relationships. */
describe('deprovisioning through SCIM', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  let token: string;
  const tenant = `deprov-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi({ consumeEvents: true });
    admin = api.as(tenant, 'admin-1', ['program-admin']);
    token = String((await api.as(tenant, 'it-admin', ['platform-admin']).post('/scim-tokens')).body.token);
  });
  afterAll(() => api.close());

  const scim = (method: string, path: string, body: unknown) =>
    fetch(`${api.url}/api/matching/v1/scim/v2${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify(body),
    });

  async function program(name: string): Promise<string> {
    const created = await admin.post('/programs', {
      name,
      type: 'one-to-one',
      settings: { acceptance: 'admin-approval' },
    });
    const programId = String(created.body.programId);
    await admin.post(`/programs/${programId}/open-enrolment`);
    return programId;
  }
  const enrol = async (programId: string, userId: string, role: 'mentor' | 'mentee') =>
    String(
      (await admin.post(`/programs/${programId}/participants`, { userId, roles: [role], capacity: 2 })).body
        .participantId,
    );
  const propose = async (programId: string, mentorId: string, menteeId: string) =>
    String(
      (await admin.post('/relationships', { programId, mentorId, menteeIds: [menteeId] })).body
        .relationshipId,
    );

  it('declines their proposals, withdraws them where nothing started, and flags running relationships', async () => {
    const n = randomUUID().slice(0, 6);
    const person = `leaver-${n}`;
    expect(
      (
        await scim('POST', '/Users', {
          userName: `${person}@example.com`,
          externalId: person,
          displayName: 'Leaving Mentor',
        })
      ).status,
    ).toBe(201);

    // A launched program where they mentor someone: the relationship runs.
    const launched = await program('Launched');
    const running = await propose(
      launched,
      await enrol(launched, person, 'mentor'),
      await enrol(launched, `mentee-a-${n}`, 'mentee'),
    );
    expect((await admin.post(`/relationships/${running}/accept`)).body.status).toBe('active');
    await admin.post(`/programs/${launched}/close-enrolment`);
    expect((await admin.post(`/programs/${launched}/launch`)).status).toBe(200);

    // A program still enrolling, where they have a proposal nobody answered.
    const enrolling = await program('Enrolling');
    const leaverThere = await enrol(enrolling, person, 'mentor');
    const proposal = await propose(enrolling, leaverThere, await enrol(enrolling, `mentee-b-${n}`, 'mentee'));

    const deactivated = await scim('PATCH', `/Users/${person}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(deactivated.status).toBe(200);

    expect((await admin.get(`/relationships/${running}`)).body).toMatchObject({
      status: 'active',
      deactivatedParties: [person],
    });
    expect((await admin.get(`/relationships/${proposal}`)).body).toMatchObject({ status: 'declined' });
    const statusIn = async (programId: string) =>
      (
        (await admin.get(`/programs/${programId}/participants`)).body.items as {
          userId: string;
          status: string;
        }[]
      ).find((p) => p.userId === person)?.status;
    expect(await statusIn(enrolling)).toBe('withdrawn');
    expect(await statusIn(launched)).toBe('enrolled');

    // The topic's delivery of the deactivation runs it again: nothing more happens.
    await api.waitForEvents((events) =>
      events.some((e) => e.type === 'matching.person.deactivated' && e.data.userId === person),
    );
    const ofPerson = (events: typeof api.events) =>
      events.filter(
        (e) =>
          (e.type === 'matching.relationship.party-deactivated' && e.data.userId === person) ||
          (e.type === 'matching.relationship.declined' && e.data.relationshipId === proposal) ||
          (e.type === 'matching.participant.withdrew' && e.data.participantId === leaverThere),
      );
    await api.waitForEvents((events) => ofPerson(events).length >= 3);
    expect(
      ofPerson(api.events)
        .map((e) => e.type)
        .sort(),
    ).toEqual([
      'matching.participant.withdrew',
      'matching.relationship.declined',
      'matching.relationship.party-deactivated',
    ]);
  });
});
