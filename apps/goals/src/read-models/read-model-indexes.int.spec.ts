import { randomUUID } from 'node:crypto';
import type { Filter } from 'mongodb';
import type { ServiceApi } from '@tandem/runtime/testing';
import { docsExamined } from '@tandem/testing';
import { startGoalsApi } from '../goals-api.test-kit';
import { collections, ReadModels } from '../infrastructure/read-model-collections';

// The read models hold every tenant's documents: a person's relationships, or a relationship's
// goals, are read from their index entries, not from the collection. Another tenant's 2,000
// relationships and goals sit beside them here.
describe('the goals read models are indexed for their queries', () => {
  let api: ServiceApi;
  const tenant = `idx-${randomUUID().slice(0, 8)}`;
  const other = `idx-other-${randomUUID().slice(0, 8)}`;
  const raw = (name: string) => api.app.get(ReadModels).raw<{ _id: string }>(name as never);

  beforeAll(async () => {
    api = await startGoalsApi();
    const relationship = (tenantId: string, i: number) => ({
      _id: `${tenantId}/r-${i}`,
      tenantId,
      relationshipId: `r-${i}`,
      programId: `p-${i % 20}`,
      mentorIds: [`mentor-${i % 50}`],
      menteeIds: [`mentee-${i}`],
    });
    const goal = (tenantId: string, i: number) => ({
      _id: `${tenantId}/g-${i}`,
      tenantId,
      goalId: `g-${i}`,
      relationshipId: `r-${i % 100}`,
      programId: `p-${i % 20}`,
    });
    const mine = Array.from({ length: 10 }, (_, i) => i);
    const theirs = Array.from({ length: 2_000 }, (_, i) => i);
    await raw(collections.relationships).insertMany([
      ...theirs.map((i) => relationship(other, i)),
      ...mine.map((i) => relationship(tenant, i)),
    ]);
    await raw(collections.goals).insertMany([
      ...theirs.map((i) => goal(other, i)),
      ...mine.map((i) => goal(tenant, i)),
    ]);
  });
  afterAll(async () => {
    for (const name of [collections.relationships, collections.goals])
      await raw(name).deleteMany({ tenantId: { $in: [tenant, other] } });
    await api.close();
  });

  it.each<[string, string, Filter<{ _id: string }>]>([
    ["a mentor's relationships (their goals)", collections.relationships, { mentorIds: 'mentor-3' }],
    [
      "a mentee's relationships in a program (templates)",
      collections.relationships,
      { menteeIds: 'mentee-4', programId: 'p-4' },
    ],
    ['relationships by id', collections.relationships, { relationshipId: { $in: ['r-1', 'r-2'] } }],
    ["a relationship's goals", collections.goals, { relationshipId: 'r-5' }],
  ])('%s', async (_, name, filter) => {
    const read = await docsExamined(raw(name).find({ tenantId: tenant, ...filter }));
    expect(read.returned).toBeGreaterThan(0);
    expect(read.examined).toBe(read.returned);
  });
});
