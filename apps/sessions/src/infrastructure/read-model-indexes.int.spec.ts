import { randomUUID } from 'node:crypto';
import type { Filter } from 'mongodb';
import type { ServiceApi } from '@tandem/runtime/testing';
import { docsExamined } from '@tandem/testing';
import { startSessionsApi } from '../sessions-api.test-kit';
import { ReadModels, type CollectionName } from './read-models';

// The read models hold every tenant's documents: one tenant's programs, or one session's notes,
// are read from their index entries, not from the collection. Another tenant's 2,000 documents of
// each kind sit beside them here.
describe('the sessions read models are indexed for their queries', () => {
  let api: ServiceApi;
  const tenant = `idx-${randomUUID().slice(0, 8)}`;
  const other = `idx-other-${randomUUID().slice(0, 8)}`;
  const kinds: CollectionName[] = [
    'programs',
    'relationships',
    'notes',
    'feedback',
    'goals',
    'session_details',
  ];
  const raw = (name: CollectionName) => api.app.get(ReadModels).raw<{ _id: string }>(name);

  beforeAll(async () => {
    api = await startSessionsApi();
    const doc = (tenantId: string, kind: string, i: number) => ({
      _id: `${tenantId}/${kind}-${i}`,
      tenantId,
      sessionId: `s-${i % 200}`,
      relationshipId: `r-${i % 100}`,
      goalId: `g-${i}`,
      authorId: `u-${i % 50}`,
      participantId: `u-${i % 50}`,
      agenda: [{ agendaItemId: `a-${i}`, addedBy: `u-${i % 50}`, text: 'item' }],
    });
    for (const kind of kinds)
      await raw(kind).insertMany([
        ...Array.from({ length: 2_000 }, (_, i) => doc(other, kind, i)),
        ...Array.from({ length: 10 }, (_, i) => doc(tenant, kind, i)),
      ]);
  });
  afterAll(async () => {
    for (const kind of kinds) await raw(kind).deleteMany({ tenantId: { $in: [tenant, other] } });
    await api.close();
  });

  it.each<[string, CollectionName, Filter<{ _id: string }>]>([
    ["a tenant's programs (whom the caller administers)", 'programs', {}],
    ["a session's notes", 'notes', { sessionId: 's-3' }],
    ["a session's feedback", 'feedback', { sessionId: { $in: ['s-3', 's-4'] } }],
    ['the goals an agenda links', 'goals', { relationshipId: 'r-5', goalId: { $in: ['g-5', 'g-6'] } }],
    ["a tenant's relationships (a person's personal data)", 'relationships', {}],
    ['the notes a person wrote', 'notes', { authorId: 'u-3' }],
    ['the feedback a person gave (their erasure)', 'feedback', { participantId: 'u-3' }],
    ['the agendas a person added to', 'session_details', { 'agenda.addedBy': 'u-3' }],
  ])('%s', async (_, name, filter) => {
    const read = await docsExamined(raw(name).find({ tenantId: tenant, ...filter }));
    expect(read.returned).toBeGreaterThan(0);
    expect(read.examined).toBe(read.returned);
  });
});
