import { randomUUID } from 'node:crypto';
import {
  openMonitoredReadModels,
  type MonitoredReadModels,
} from '../infrastructure/monitored-read-models.test-kit';
import { RelationshipKnowledge } from './relationship-knowledge';

describe('relationship knowledge (MongoDB-compatible server)', () => {
  let database: MonitoredReadModels;
  let knowledge: RelationshipKnowledge;

  beforeAll(async () => {
    database = await openMonitoredReadModels('sessions_knowledge');
    knowledge = new RelationshipKnowledge(database.readModels);
  });
  afterAll(() => database.close());

  const learn = async (tenantId: string, relationshipId: string, programId: string, adminIds?: string[]) => {
    await knowledge.recordRelationshipFact(tenantId, relationshipId, programId, 1, {
      type: 'started',
      at: '2026-11-30T00:00:00.000Z',
      mentorIds: [`mentor-${tenantId}`],
      menteeIds: [`mentee-${tenantId}`],
    });
    if (adminIds) await knowledge.recordProgramFact(tenantId, programId, 1, { adminIds });
  };

  it("finds a relationship with its own tenant's program in one round trip", async () => {
    const [acme, globex, relationshipId, programId] = [randomUUID(), randomUUID(), 'r-1', 'p-1'];
    // The same ids in two tenants: each tenant's relationship joins its own program only.
    await learn(acme, relationshipId, programId, ['admin-acme']);
    await learn(globex, relationshipId, programId, ['admin-globex']);
    database.takeCommands();

    const found = await knowledge.find(acme, relationshipId);

    expect(database.takeCommands()).toEqual(['aggregate relationships']);
    expect(found).toEqual({
      relationshipId,
      programId,
      relationship: expect.objectContaining({ status: 'active' }),
      program: { adminIds: ['admin-acme'] },
      members: [`mentor-${acme}`, `mentee-${acme}`],
    });
  });

  it('knows a relationship whose program it has not heard of yet, and no relationship of another tenant', async () => {
    const [acme, globex] = [randomUUID(), randomUUID()];
    await learn(acme, 'r-2', 'p-2');

    expect((await knowledge.find(acme, 'r-2'))?.program).toEqual({ adminIds: [] });
    expect(await knowledge.find(globex, 'r-2')).toBeUndefined();
  });
});
