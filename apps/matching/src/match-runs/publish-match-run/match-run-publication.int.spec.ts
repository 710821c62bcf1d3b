import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tandem/events';
import { EventStore } from '@tandem/eventstore';
import { waitFor } from '@tandem/testing';
import {
  startMatchingApi,
  type ApiClient,
  type MatchingApi,
  completedRun,
  programWithPairs,
} from '../../matching-api.test-kit';
import { relationshipIdOf } from '../../relationships/relationship-proposals';
import { MatchRunPublication } from './match-run-publication';

describe('publishing a match run', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi();
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  /** A program with three pairs to make and a draft run proposing them. */
  async function draftRun() {
    const programId = await programWithPairs(admin, 3, 'Publication');
    const run = await completedRun(admin, programId, {});
    expect(run.body.pairs).toHaveLength(3);
    expect(run.headers.get('etag')).toBe(`"${run.body.version}"`);
    return { programId, run: run.body as { runId: string; pairs: { mentorId: string; menteeId: string }[] } };
  }

  const relationshipsOf = async (programId: string) =>
    (await admin.get(`/relationships?programId=${programId}`)).body.items as { relationshipId: string }[];

  it('answers with the run published and its proposals made, once', async () => {
    const { programId, run } = await draftRun();
    const published = await admin.post(`/programs/${programId}/match-runs/${run.runId}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', version: 2 });
    expect(published.body.relationshipIds).toHaveLength(3);
    expect((await relationshipsOf(programId)).map((r) => r.relationshipId).sort()).toEqual(
      [...published.body.relationshipIds].sort(),
    );
    const again = await admin.post(`/programs/${programId}/match-runs/${run.runId}/publish`);
    expect(again).toMatchObject({ status: 409, body: { code: 'run-published' } });
  });

  it('sends the version as ETag, and refuses a publication on a stale If-Match with 412, changing nothing', async () => {
    const { programId, run } = await draftRun();
    const path = `/programs/${programId}/match-runs/${run.runId}`;
    const read = await admin.get(path);
    expect(read.body).toMatchObject({ status: 'draft', version: 1 });
    expect(read.headers.get('etag')).toBe('"1"');

    // Published from one tab; another tab still holds version 1.
    const published = await admin.post(`${path}/publish`, {}, { 'if-match': '"1"' });
    expect(published.body).toMatchObject({ status: 'published', version: 2 });
    expect(published.headers.get('etag')).toBe('"2"');
    const stale = await admin.post(`${path}/publish`, {}, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('concurrency-conflict');

    const after = await admin.get(path);
    expect(after.body).toEqual(published.body);
    expect(after.headers.get('etag')).toBe('"2"');
    const stream = await api.app.get(EventStore).readStream(tenant, `match-run-${run.runId}`);
    expect(stream.version).toBe(2);
    expect(await relationshipsOf(programId)).toHaveLength(3);
  });

  it('makes the proposals from the topic when the request died after appending the published event', async () => {
    const { programId, run } = await draftRun();
    const relationshipIds = run.pairs.map((p) => relationshipIdOf(run.runId, p.mentorId, [p.menteeId]));
    const store = api.app.get(EventStore);
    // What the publish handler appends, without the proposals it would then make at once.
    const [event] = await store.append(tenant, `match-run-${run.runId}`, 1, [
      {
        type: 'matching.match-run.published',
        data: { programId, runId: run.runId, by: 'admin-1', relationshipIds },
      },
    ]);
    const proposed = await waitFor(
      async () => {
        const items = await relationshipsOf(programId);
        return items.length === 3 && items;
      },
      { description: 'the proposals of the published run, made from the topic' },
    );
    expect(proposed.map((r) => r.relationshipId).sort()).toEqual([...relationshipIds].sort());
    await waitFor(
      async () =>
        (await admin.get(`/programs/${programId}/match-runs/${run.runId}`)).body.status === 'published',
      { description: 'the run shown as published' },
    );

    // Delivered again (a redelivery, a second replica): nothing is appended twice.
    const publication = api.app.get(MatchRunPublication);
    expect(
      await publication.proposeAll(event as Extract<EventEnvelope, { type: 'matching.match-run.published' }>),
    ).toBe(0);
    for (const relationshipId of relationshipIds) {
      const stream = await store.readStream(tenant, `relationship-${relationshipId}`);
      expect(stream.events.map((e) => e.type)).toEqual(['matching.relationship.proposed']);
    }
  });
});
