import { randomUUID } from 'node:crypto';
import { docsExamined } from '@tandem/testing';
import type { Document, Filter } from 'mongodb';
import { startMatchingApi, type MatchingApi } from '../matching-api.test-kit';
import { ReadModels, type ReadModelName } from './read-model-collections';

/** Documents the server examined and returned for `filter` (sorted by `sort`). */
const examined = (api: MatchingApi, name: ReadModelName, filter: Filter<Document>, sort: Document) =>
  docsExamined(api.app.get(ReadModels).raw(name).find(filter).sort(sort));

// The read models hold every tenant's documents: a query of one tenant's program must read that
// program's documents, not the collection. Another tenant's 2,000 documents sit beside them here.
describe('the matching read models are indexed for their queries', () => {
  let api: MatchingApi;
  const tenant = `idx-${randomUUID().slice(0, 8)}`;
  const other = `idx-other-${randomUUID().slice(0, 8)}`;
  const now = '2026-06-01T00:00:00.000Z';

  beforeAll(async () => {
    api = await startMatchingApi();
    const raw = (name: ReadModelName) => api.app.get(ReadModels).raw<{ _id: string }>(name);
    const relationship = (tenantId: string, i: number, programId: string, status: string) => ({
      _id: `${tenantId}/r-${i}`,
      tenantId,
      relationshipId: `r-${i}`,
      programId,
      status,
      mentorIds: [`mentor-${i % 50}`],
      menteeIds: [`mentee-${i}`],
      expiresAt: i % 2 === 0 ? '2026-01-01T00:00:00.000Z' : '2027-01-01T00:00:00.000Z',
    });
    const participant = (tenantId: string, i: number, programId: string) => ({
      _id: `${tenantId}/pa-${i}`,
      tenantId,
      participantId: `pa-${i}`,
      programId,
      userId: `user-${i % 100}`,
      status: 'enrolled',
      roles: ['mentor'],
      enrolledAt: now,
    });
    await raw('relationships').insertMany([
      ...Array.from({ length: 2_000 }, (_, i) => relationship(other, i, `p-${i % 20}`, 'active')),
      ...Array.from({ length: 10 }, (_, i) =>
        relationship(tenant, i, 'p-mine', i < 4 ? 'proposed' : 'active'),
      ),
    ]);
    await raw('participants').insertMany([
      ...Array.from({ length: 2_000 }, (_, i) => participant(other, i, `p-${i % 20}`)),
      ...Array.from({ length: 10 }, (_, i) => participant(tenant, i, 'p-mine')),
    ]);
    await raw('match_runs').insertMany(
      Array.from({ length: 12 }, (_, i) => ({
        _id: `${i < 6 ? tenant : other}/run-${i}`,
        tenantId: i < 6 ? tenant : other,
        runId: `run-${i}`,
        programId: 'p-mine',
        version: 1,
        createdAt: now,
      })),
    );
  });
  afterAll(async () => {
    const readModels = api.app.get(ReadModels);
    for (const name of ['relationships', 'participants', 'match_runs'] as const)
      await readModels.raw(name).deleteMany({ tenantId: { $in: [tenant, other] } });
    await api.close();
  });

  // Every row has its sort (empty when none): a shorter row would hand the test Jest's `done` instead.
  it.each<[string, ReadModelName, Filter<Document>, Document]>([
    [
      "a program's running relationships (closure, roster)",
      'relationships',
      { programId: 'p-mine', status: { $in: ['active', 'paused'] } },
      {},
    ],
    [
      'a mentor’s open relationships (mentor load)',
      'relationships',
      { mentorIds: 'mentor-5', status: 'active' },
      {},
    ],
    [
      'a page of relationships by id',
      'relationships',
      { relationshipId: { $gt: 'r-5' } },
      { relationshipId: 1 },
    ],
    [
      "a relationship's mentors' enrolments (capacity)",
      'participants',
      { programId: 'p-mine', userId: { $in: ['user-2', 'user-3'] } },
      {},
    ],
    [
      "a program's enrolments by enrolment (roster, list)",
      'participants',
      { programId: 'p-mine' },
      { enrolledAt: 1, participantId: 1 },
    ],
    [
      "a program's match runs, newest first",
      'match_runs',
      { programId: 'p-mine', version: { $gte: 1 } },
      { createdAt: -1, runId: -1 },
    ],
  ])('%s', async (_, name, filter, sort) => {
    const read = await examined(api, name, { tenantId: tenant, ...filter }, sort);
    expect(read.returned).toBeGreaterThan(0);
    expect(read.examined).toBe(read.returned);
  });

  it('finds proposals past their expiry across tenants without reading the others', async () => {
    const read = await examined(api, 'relationships', { status: 'proposed', expiresAt: { $lt: now } }, {});
    expect(read.returned).toBeGreaterThanOrEqual(2);
    expect(read.examined).toBe(read.returned);
  });
});
