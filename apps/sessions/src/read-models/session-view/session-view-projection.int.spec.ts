import { randomUUID } from 'node:crypto';
import { EventStore } from '@tandem/eventstore';
import type { EventEnvelope, TandemEvent } from '@tandem/events';
import {
  openMonitoredReadModels,
  type MonitoredReadModels,
} from '../../infrastructure/monitored-read-models.test-kit';
import { documentId } from '../../infrastructure/read-models';
import { RelationshipKnowledge } from '../../relationships/relationship-knowledge';
import { sessionStream, SessionViewProjection } from './session-view-projection';

describe('session view projection (MongoDB-compatible server)', () => {
  let database: MonitoredReadModels;
  let store: EventStore;
  let knowledge: RelationshipKnowledge;
  let projection: SessionViewProjection;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  const [relationshipId, programId] = [`r-${randomUUID()}`, `p-${randomUUID()}`];
  const members = ['mentor-1', 'mentee-1'];

  beforeAll(async () => {
    database = await openMonitoredReadModels('sessions_view_projection');
    store = new EventStore(database.db, { source: '/tandem/sessions' });
    await store.ensureIndexes();
    knowledge = new RelationshipKnowledge(database.readModels);
    projection = new SessionViewProjection(database.readModels, knowledge, store);
    await knowledge.recordRelationshipFact(tenant, relationshipId, programId, 1, {
      type: 'started',
      at: '2026-11-30T00:00:00.000Z',
      mentorIds: ['mentor-1'],
      menteeIds: ['mentee-1'],
    });
  });
  afterAll(() => database.close());

  const ref = (sessionId: string) => ({ sessionId, relationshipId, programId });
  const schedule = (sessionId: string) =>
    store.append(tenant, sessionStream(sessionId), 0, [
      {
        type: 'sessions.session.scheduled',
        data: {
          ...ref(sessionId),
          scheduledBy: 'mentee-1',
          kind: 'meeting',
          startsAt: '2030-01-01T10:00:00.000Z',
          durationMinutes: 45,
          format: 'video',
        },
      } as TandemEvent,
    ]);
  const cancel = (sessionId: string) =>
    store.append(tenant, sessionStream(sessionId), 1, [
      {
        type: 'sessions.session.cancelled',
        data: { ...ref(sessionId), cancelledBy: 'mentor-1', reason: 'double-booked' },
      } as TandemEvent,
    ]);
  const view = (sessionId: string) =>
    database.readModels.forTenant(tenant).sessions.findOne({ _id: documentId(tenant, sessionId) });

  it("writes a new session's view in one round trip, and its delivery from the topic only reads it", async () => {
    const sessionId = randomUUID();
    const appended = await schedule(sessionId);
    database.takeCommands();

    const stored = await projection.applyAppended(tenant, sessionId, appended, { members, current: null });
    expect(database.takeCommands()).toEqual(['insert sessions_v2']);
    expect(await view(sessionId)).toEqual(stored);

    for (const delivery of [1, 2]) {
      database.takeCommands();
      await projection.applyDelivered(appended);
      expect({ delivery, commands: database.takeCommands() }).toEqual({
        delivery,
        commands: ['find sessions_v2'],
      });
    }
    expect(await view(sessionId)).toEqual(stored);
  });

  it('applies from a delivered batch only what the views miss, once each, with the members it knows', async () => {
    const [projected, unprojected] = [randomUUID(), randomUUID()];
    const scheduled = await schedule(projected);
    await projection.applyAppended(tenant, projected, scheduled, { members, current: null });
    // A command that died after its append: the cancel and the other session reached no view.
    const batch: EventEnvelope[] = [
      ...scheduled,
      ...(await schedule(unprojected)),
      ...(await cancel(projected)),
    ];

    await projection.applyDelivered(batch);
    await projection.applyDelivered(batch);

    expect(await view(projected)).toMatchObject({ status: 'cancelled', version: 2, _revision: 2 });
    expect(await view(unprojected)).toMatchObject({
      status: 'scheduled',
      version: 1,
      memberIds: members,
      _revision: 1,
    });
  });
});
