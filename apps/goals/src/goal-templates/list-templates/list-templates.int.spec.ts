import { randomUUID } from 'node:crypto';
import type { ServiceApi } from '@tandem/runtime/testing';
import { matchingEvents, programKnown, relationshipKnown, startGoalsApi } from '../../goals-api.test-kit';

/** A program's templates: published with their version as ETag, listed page by page by id. */
describe('goal templates', () => {
  let api: ServiceApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  const matching = matchingEvents(tenant);
  const relationshipId = `r-${randomUUID()}`;

  beforeAll(async () => {
    api = await startGoalsApi();
    await api.publish([
      matching.programCreated(),
      matching.relationship(relationshipId, ['mentor-1'], ['mentee-1']).started(),
    ]);
    await Promise.all([
      programKnown(api, tenant, matching.programId),
      relationshipKnown(api, tenant, relationshipId, 'active'),
    ]);
  }, 150_000);
  afterAll(() => api.close());

  it('publishes templates answered with their version as ETag, and lists them in pages to a party', async () => {
    const admin = api.as(tenant, 'admin-1', ['program-admin']);
    const published: string[] = [];
    for (const title of ['Lead a retro', 'Mentor a newcomer', 'Write a design note']) {
      const template = await admin.post('/goal-templates', {
        programId: matching.programId,
        title,
        competency: 'leadership',
        suggestedMeasure: { kind: 'milestones' },
      });
      expect(template.status).toBe(201);
      expect(template.body.version).toBe(1);
      expect(template.headers.get('etag')).toBe('"1"');
      published.push(template.body.templateId);
    }

    const mentee = api.as(tenant, 'mentee-1', ['participant']);
    const path = `/goal-templates?programId=${matching.programId}&limit=2`;
    const first = await mentee.get(path);
    expect(first.body.items).toHaveLength(2);
    const second = await mentee.get(`${path}&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body).not.toHaveProperty('nextCursor');
    const paged = [...first.body.items, ...second.body.items].map(
      (t: { templateId: string }) => t.templateId,
    );
    expect(paged).toEqual([...published].sort());

    const foreign = await mentee.get(`${path}&cursor=${encodeURIComponent('{"$gt":""}')}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });
});
