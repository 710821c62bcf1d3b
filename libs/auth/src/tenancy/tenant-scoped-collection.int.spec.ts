import { connectTestDatabase, type TestDatabase } from '@tandem/testing';
import type { Collection } from 'mongodb';
import { queryOperator, UnsafeFilterError } from './query-operators';
import {
  MissingTenantError,
  TenantChangeError,
  tenantScoped,
  type TenantOwned,
} from './tenant-scoped-collection';

interface ProgramDocument extends TenantOwned {
  _id: string;
  name: string;
  status: 'draft' | 'open';
}

describe('TenantScopedCollection', () => {
  let database: TestDatabase;
  let programs: Collection<ProgramDocument>;

  beforeAll(async () => {
    database = await connectTestDatabase('tenant_scope');
    programs = database.db.collection<ProgramDocument>('programs');
    await tenantScoped(programs, 'acme').insertMany([
      { _id: 'acme-1', name: 'Pilot', status: 'open' },
      { _id: 'acme-2', name: 'Leaders', status: 'draft' },
    ]);
    await tenantScoped(programs, { tenantId: 'globex' }).insertOne({
      _id: 'globex-1',
      name: 'Globex pilot',
      status: 'open',
    });
  });

  afterAll(() => database.close());

  it('stamps inserted documents with the tenant and reads only that tenant', async () => {
    expect(await programs.findOne({ _id: 'acme-1' })).toMatchObject({ tenantId: 'acme' });
    expect((await tenantScoped(programs, 'acme').find().toArray()).map((p) => p._id).sort()).toEqual([
      'acme-1',
      'acme-2',
    ]);
    expect(await tenantScoped(programs, 'acme').countDocuments({ status: 'open' })).toBe(1);
    expect(await tenantScoped(programs, 'globex').findOne({ _id: 'acme-1' })).toBeNull();
  });

  it('ignores a tenantId in the filter: the scope wins', async () => {
    expect(await tenantScoped(programs, 'globex').findOne({ _id: 'acme-1', tenantId: 'acme' })).toBeNull();
  });

  it("cannot update or delete another tenant's documents, nor move one to another tenant", async () => {
    const globex = tenantScoped(programs, 'globex');
    expect((await globex.updateOne({ _id: 'acme-1' }, { $set: { name: 'hijacked' } })).matchedCount).toBe(0);
    expect((await globex.deleteOne({ _id: 'acme-2' })).deletedCount).toBe(0);
    const acme = tenantScoped(programs, 'acme');
    expect(() => acme.updateOne({ _id: 'acme-1' }, { $set: { tenantId: 'globex' } })).toThrow(
      TenantChangeError,
    );
    expect(() => acme.updateOne({ _id: 'acme-1' }, { $unset: { tenantId: '' } })).toThrow(TenantChangeError);
    expect(() => acme.updateOne({ _id: 'acme-1' }, { $rename: { name: 'tenantId' } })).toThrow(
      TenantChangeError,
    );
    expect(await programs.countDocuments({ tenantId: 'acme' })).toBe(2);
    expect((await programs.findOne({ _id: 'acme-1' }))?.name).toBe('Pilot');
  });

  it('upserts a whole view that names its own tenant', async () => {
    const view: ProgramDocument = { _id: 'acme-3', tenantId: 'acme', name: 'Upserted', status: 'draft' };
    await tenantScoped(programs, 'acme').updateOne({ _id: view._id }, { $set: view }, { upsert: true });
    expect(await tenantScoped(programs, 'acme').findOne({ _id: 'acme-3' })).toEqual(view);
    await tenantScoped(programs, 'acme').deleteOne({ _id: 'acme-3' });
  });

  it('runs operators built in code and refuses operators that came as data', async () => {
    const acme = tenantScoped(programs, 'acme');
    expect(await acme.countDocuments({ status: queryOperator({ $in: ['open', 'draft'] }) })).toBe(2);
    const fromOutside = JSON.parse('{"status": {"$ne": null}}') as object;
    expect(() => acme.find(fromOutside)).toThrow(UnsafeFilterError);
  });

  it('scopes aggregations with a first $match on the tenant', async () => {
    const counts = await tenantScoped(programs, 'globex')
      .aggregate([{ $group: { _id: '$status', n: { $sum: 1 } } }])
      .toArray();
    expect(counts).toEqual([{ _id: 'open', n: 1 }]);
  });

  it('refuses to exist without a tenant', () => {
    expect(() => tenantScoped(programs, '')).toThrow(MissingTenantError);
    expect(() => tenantScoped(programs, undefined as unknown as string)).toThrow(MissingTenantError);
    expect(() => tenantScoped(programs, { tenantId: '' })).toThrow(MissingTenantError);
  });
});
