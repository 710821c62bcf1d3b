import { randomUUID } from 'node:crypto';
import { startMatchingApi, type ApiClient, type MatchingApi } from '../../matching-api.test-kit';

/**
 * SCIM 2.0 as identity providers drive it. The request bodies follow the shapes Okta's and
 * Microsoft Entra ID's public SCIM documentation shows for create, lookup, update and
 * deactivation (Okta: PUT replaces, PATCH `{op: replace, value: {active: false}}`; Entra ID:
 * capitalised ops, `emails[type eq "work"].value` paths, `"False"` as a string in older apps).
 */
describe('SCIM 2.0 provisioning', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  let token: string;
  const tenant = `scim-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi({ consumeEvents: true });
    admin = api.as(tenant, 'it-admin', ['platform-admin']);
    const issued = await admin.post('/scim-tokens');
    expect(issued.status).toBe(201);
    token = String(issued.body.token);
  });
  afterAll(() => api.close());

  const scim = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    bearer = token,
  ) => {
    const response = await fetch(`${api.url}/api/matching/v1/scim/v2${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as Record<string, unknown>,
    };
  };
  const findByUserName = async (userName: string) =>
    scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`);

  it('drives an Okta lifecycle: look up, create, replace, deactivate, reactivate', async () => {
    const userName = `test.user.${randomUUID().slice(0, 6)}@okta.local`;
    const oktaId = `00u${randomUUID().replace(/-/g, '').slice(0, 17)}`;
    expect((await findByUserName(userName)).body).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName,
      name: { givenName: 'Test', familyName: 'User' },
      emails: [{ primary: true, value: userName, type: 'work' }],
      displayName: 'Test User',
      locale: 'en-US',
      externalId: oktaId,
      groups: [],
      password: '1mz050nq',
      active: true,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(created.headers.get('location')).toMatch(new RegExp(`/scim/v2/Users/${oktaId}$`));
    expect(created.body).toMatchObject({
      id: oktaId,
      userName,
      externalId: oktaId,
      displayName: 'Test User',
      name: { givenName: 'Test', familyName: 'User' },
      emails: [{ value: userName, type: 'work', primary: true }],
      active: true,
      meta: { resourceType: 'User', version: 'W/"1"' },
    });
    expect(created.body['password']).toBeUndefined();
    expect((await findByUserName(userName.toUpperCase())).body).toMatchObject({
      totalResults: 1,
      Resources: [{ id: oktaId }],
    });

    const replaced = await scim('PUT', `/Users/${oktaId}`, {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      id: oktaId,
      userName,
      name: { givenName: 'Another', familyName: 'User' },
      emails: [{ primary: true, value: userName, type: 'work' }],
      displayName: 'Another User',
      title: 'Engineer',
      active: true,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      displayName: 'Another User',
      title: 'Engineer',
      name: { givenName: 'Another' },
    });

    const deactivated = await scim('PATCH', `/Users/${oktaId}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ active: false, displayName: 'Another User' });
    expect((await scim('GET', `/Users/${oktaId}`)).body['active']).toBe(false);

    const reactivated = await scim('PATCH', `/Users/${oktaId}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    expect(reactivated.body['active']).toBe(true);

    // The events name the person and the fields that changed, never the values.
    await api.waitForEvents((events) =>
      events.some((e) => e.type === 'matching.person.reactivated' && e.data.userId === oktaId),
    );
    const personEvents = api.events.filter((e) => e.metadata.streamId === `person-${oktaId}`);
    expect(personEvents.map((e) => e.type)).toEqual([
      'matching.person.provisioned',
      'matching.person.changed',
      'matching.person.deactivated',
      'matching.person.reactivated',
    ]);
    expect(personEvents[1]?.data).toMatchObject({
      changedFields: ['display-name', 'given-name', 'job-title'],
      source: 'scim',
    });
    const published = JSON.stringify(personEvents);
    for (const personal of [userName, 'Test User', 'Another', 'Engineer'])
      expect(published).not.toContain(personal);
  });

  it('drives an Entra ID lifecycle: create, patch attributes by path, disable, delete', async () => {
    const objectId = randomUUID();
    const userName = `Test_User_${randomUUID()}`;
    const created = await scim('POST', '/Users', {
      schemas: [
        'urn:ietf:params:scim:schemas:core:2.0:User',
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      ],
      externalId: objectId,
      userName,
      active: true,
      emails: [{ primary: true, type: 'work', value: `${userName}@testuser.com` }],
      meta: { resourceType: 'User' },
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      roles: [],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
        department: 'Finance',
        manager: { value: 'mgr-1' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: objectId,
      displayName: 'givenName familyName',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
        department: 'Finance',
        manager: { value: 'mgr-1' },
      },
    });

    const patched = await scim('PATCH', `/Users/${objectId}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
        { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
        { op: 'Add', path: 'title', value: 'Controller' },
        {
          op: 'Replace',
          path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
          value: 'Legal',
        },
      ],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      emails: [{ value: 'updatedEmail@microsoft.com', type: 'work' }],
      name: { familyName: 'updatedFamilyName', givenName: 'givenName' },
      title: 'Controller',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Legal' },
    });

    const disabled = await scim('PATCH', `/Users/${objectId}`, {
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    });
    expect(disabled.body['active']).toBe(false);
    const found = await scim('GET', `/Users?filter=${encodeURIComponent(`externalId eq "${objectId}"`)}`);
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id: objectId, active: false }] });

    expect((await scim('DELETE', `/Users/${objectId}`)).status).toBe(204);
    expect((await scim('GET', `/Users/${objectId}`)).status).toBe(404);
    expect((await scim('DELETE', `/Users/${objectId}`)).status).toBe(404);
  });

  it('answers as RFC 7644 says: uniqueness, bad filters and paths, stale ETags, unknown ids and tokens', async () => {
    const userName = `bjensen-${randomUUID().slice(0, 6)}@example.com`;
    const body = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName,
      externalId: `bjensen-${randomUUID().slice(0, 6)}`,
    };
    const created = await scim('POST', '/Users', body);
    expect(created.status).toBe(201);
    const id = String(created.body['id']);

    const again = await scim('POST', '/Users', { ...body, externalId: `other-${randomUUID().slice(0, 6)}` });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '409',
      scimType: 'uniqueness',
    });

    const badFilter = await scim('GET', `/Users?filter=${encodeURIComponent('title co "x"')}`);
    expect(badFilter).toMatchObject({ status: 400, body: { scimType: 'invalidFilter' } });
    const badPath = await scim('PATCH', `/Users/${id}`, {
      Operations: [{ op: 'replace', path: 'emails[type eq work]', value: 'x' }],
    });
    expect(badPath).toMatchObject({ status: 400, body: { scimType: 'invalidFilter' } });
    const badOp = await scim('PATCH', `/Users/${id}`, {
      Operations: [{ op: 'move', path: 'title', value: 'x' }],
    });
    expect(badOp).toMatchObject({ status: 400, body: { scimType: 'invalidSyntax' } });
    const renamed = await scim('PATCH', `/Users/${id}`, {
      Operations: [{ op: 'replace', path: 'externalId', value: 'someone-else' }],
    });
    expect(renamed).toMatchObject({ status: 400, body: { scimType: 'mutability' } });
    const noUserName = await scim('PUT', `/Users/${id}`, { schemas: body.schemas, displayName: 'No login' });
    expect(noUserName).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } });
    const invalidId = await scim('POST', '/Users', {
      userName: 'has spaces@example.com',
      externalId: 'has spaces',
    });
    expect(invalidId).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } });

    const stale = await scim(
      'PUT',
      `/Users/${id}`,
      { ...body, displayName: 'Barbara' },
      { 'if-match': 'W/"0"' },
    );
    expect(stale.status).toBe(412);
    const fresh = await scim(
      'PUT',
      `/Users/${id}`,
      { ...body, displayName: 'Barbara' },
      { 'if-match': String(created.headers.get('etag')) },
    );
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe('W/"2"');

    expect((await scim('GET', '/Users/nobody')).status).toBe(404);
    const noToken = await scim('GET', '/Users', undefined, {}, 'not-a-token');
    expect(noToken).toMatchObject({
      status: 401,
      body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'] },
    });

    const page = await scim('GET', '/Users?startIndex=1&count=1');
    expect(page.body).toMatchObject({ startIndex: 1, itemsPerPage: 1 });
    expect(page.body['totalResults']).toBeGreaterThanOrEqual(1);
  });

  it("follows RFC 7644's examples of the core operations: create, filter, replace, add, remove, replace by path, delete", async () => {
    const id = `bjensen-${randomUUID().slice(0, 6)}`;
    const created = await scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: id,
      externalId: id,
      name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id,
      meta: { resourceType: 'User', location: expect.stringMatching(new RegExp(`/Users/${id}$`)) },
    });
    expect(created.body['displayName']).toBe('Ms. Barbara J Jensen III');
    expect((await findByUserName(id)).body).toMatchObject({ totalResults: 1, Resources: [{ id }] });

    const replaced = await scim('PUT', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      id,
      userName: id,
      externalId: id,
      name: { familyName: 'Jensen', givenName: 'Barbara', middleName: 'Jane' },
      roles: [],
      emails: [{ value: 'bjensen@example.com' }, { value: 'babs@jensen.org' }],
    });
    expect(replaced.body).toMatchObject({ emails: [{ value: 'bjensen@example.com' }] });

    const added = await scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        { op: 'add', value: { emails: [{ value: 'babs@jensen.org', type: 'home' }], nickName: 'Babs' } },
      ],
    });
    expect(added.status).toBe(200);

    const typed = await scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'emails[value eq "bjensen@example.com"].type', value: 'work' }],
    });
    expect(typed.status).toBe(200);
    const dropped = await scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'remove', path: 'emails[type eq "work" and value ew "example.com"]' }],
    });
    expect(dropped.status).toBe(200);
    expect(JSON.stringify(dropped.body['emails'])).not.toContain('bjensen@example.com');

    const byPath = await scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'barbara@example.com' }],
    });
    expect(byPath.body).toMatchObject({ emails: [{ value: 'barbara@example.com', type: 'work' }] });
    const noTarget = await scim('PATCH', `/Users/${id}`, {
      Operations: [{ op: 'replace', path: 'emails[type ne "work"].value', value: 'x' }],
    });
    expect(noTarget).toMatchObject({ status: 400, body: { scimType: 'noTarget' } });

    const deleted = await scim('DELETE', `/Users/${id}`);
    expect(deleted.status).toBe(204);
    expect((await scim('GET', `/Users/${id}`)).status).toBe(404);
  });

  it('lets exactly one of two people racing for a userName have it, writing nothing for the other', async () => {
    const schemas = ['urn:ietf:params:scim:schemas:core:2.0:User'];
    const changesOf = (userId: string) =>
      api.events.filter(
        (event) => event.type === 'matching.person.changed' && event.metadata.streamId === `person-${userId}`,
      ).length;
    for (let trial = 0; trial < 8; trial += 1) {
      const suffix = randomUUID().slice(0, 6);
      const people = await Promise.all(
        ['a', 'b'].map(async (who) => {
          const externalId = `race-${who}-${suffix}`;
          const created = await scim('POST', '/Users', {
            schemas,
            userName: `${externalId}@example.com`,
            externalId,
          });
          expect(created.status).toBe(201);
          return { id: String(created.body['id']), externalId, userName: `${externalId}@example.com` };
        }),
      );
      const contested = `contested-${suffix}@example.com`;
      const answers = await Promise.all(
        people.map((person) =>
          scim('PUT', `/Users/${person.id}`, { schemas, userName: contested, externalId: person.externalId }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const loser = people[answers.findIndex((a) => a.status === 409)]!;
      const winner = people[answers.findIndex((a) => a.status === 200)]!;
      expect((await scim('GET', `/Users/${loser.id}`)).body['userName']).toBe(loser.userName);
      expect((await findByUserName(contested)).body['Resources']).toEqual([
        expect.objectContaining({ id: winner.id, userName: contested }),
      ]);
      await api.waitForEvents(() => changesOf(winner.externalId) === 1);
      expect(changesOf(loser.externalId)).toBe(0);
    }
  });

  it("keeps each tenant's people apart, and stops a revoked token", async () => {
    const other = api.as(`scim-other-${randomUUID().slice(0, 6)}`, 'it-admin', ['platform-admin']);
    const otherToken = String((await other.post('/scim-tokens')).body.token);
    const id = `okta-${randomUUID().slice(0, 8)}`;
    expect((await scim('POST', '/Users', { userName: `${id}@example.com`, externalId: id })).status).toBe(
      201,
    );
    expect((await scim('GET', `/Users/${id}`, undefined, {}, otherToken)).status).toBe(404);
    expect((await scim('GET', '/Users', undefined, {}, otherToken)).body['totalResults']).toBe(0);

    const tokens = await other.get('/scim-tokens');
    const tokenId = String((tokens.body.items as { tokenId: string }[])[0]?.tokenId);
    expect((await admin.delete(`/scim-tokens/${tokenId}`)).status).toBe(404); // another tenant's token
    expect((await other.delete(`/scim-tokens/${tokenId}`)).status).toBe(204);
    expect((await scim('GET', '/Users', undefined, {}, otherToken)).status).toBe(401);
    expect((await api.as(tenant, 'someone', ['program-admin']).post('/scim-tokens')).status).toBe(403);
  });

  it('describes itself: ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const config = await scim('GET', '/ServiceProviderConfig', undefined, {}, '');
    expect(config.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true },
      bulk: { supported: false },
    });
    const types = await scim('GET', '/ResourceTypes');
    expect(types.body['Resources']).toEqual([expect.objectContaining({ id: 'User', endpoint: '/Users' })]);
    const schemas = await scim('GET', '/Schemas');
    const user = (schemas.body['Resources'] as { id: string; attributes: { name: string }[] }[]).find(
      (s) => s.id === 'urn:ietf:params:scim:schemas:core:2.0:User',
    );
    expect(user?.attributes.map((a) => a.name)).toEqual(
      expect.arrayContaining(['userName', 'name', 'emails', 'active']),
    );
    expect((await scim('GET', '/Schemas/urn:example:nothing')).status).toBe(404);
  });
});
