import mongoose, { Schema, type Connection } from 'mongoose';
import { testInfra } from '../test-infra';
import { uniqueName } from '../unique-name';

// The MongoDB features Tandem's event store and read models rely on, checked against the
// server the tests really use (SecantusDB locally, MongoDB in containers or production).
describe('MongoDB-compatible server, through mongoose', () => {
  let connection: Connection;
  const eventSchema = new Schema({
    streamId: { type: String, required: true },
    streamVersion: { type: Number, required: true },
    type: String,
  });
  eventSchema.index({ streamId: 1, streamVersion: 1 }, { unique: true });
  const readModelSchema = new Schema({ _id: String, count: Number, lastVersion: Number });

  beforeAll(async () => {
    connection = await mongoose.createConnection(testInfra().mongoUri(uniqueName('mongoose_compat'))).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('enforces a unique compound index with duplicate-key error 11000 and keeps the first document', async () => {
    const Events = connection.model('Event', eventSchema, 'events');
    await Events.createIndexes();
    const indexes = await Events.collection.indexes();
    expect(indexes.find((index) => index.unique)?.key).toEqual({ streamId: 1, streamVersion: 1 });

    await Events.create({ streamId: 's-1', streamVersion: 1, type: 'first' });
    await expect(Events.create({ streamId: 's-1', streamVersion: 1, type: 'second' })).rejects.toMatchObject({
      code: 11000,
    });
    await Events.create({ streamId: 's-1', streamVersion: 2, type: 'next' });
    const stored = await Events.find({ streamId: 's-1' }).sort({ streamVersion: 1 }).lean();
    expect(stored.map((event) => event.type)).toEqual(['first', 'next']);
  });

  it('upserts: inserts when missing, updates in place when present', async () => {
    const ReadModel = connection.model('ReadModel', readModelSchema, 'read_model');
    const upsert = (version: number) =>
      ReadModel.findOneAndUpdate(
        { _id: 'program-1' },
        { $inc: { count: 1 }, $set: { lastVersion: version } },
        { upsert: true, new: true },
      ).lean();

    expect(await upsert(1)).toMatchObject({ _id: 'program-1', count: 1, lastVersion: 1 });
    expect(await upsert(2)).toMatchObject({ _id: 'program-1', count: 2, lastVersion: 2 });
    expect(await ReadModel.countDocuments()).toBe(1);
  });

  it('applies a conditional update only when the guard matches (optimistic version check)', async () => {
    const ReadModel = connection.model('Guarded', readModelSchema, 'guarded');
    await ReadModel.create({ _id: 'doc', count: 0, lastVersion: 1 });
    const applyIfNext = (version: number) =>
      ReadModel.updateOne({ _id: 'doc', lastVersion: version - 1 }, { $set: { lastVersion: version }, $inc: { count: 1 } });

    expect((await applyIfNext(2)).modifiedCount).toBe(1);
    expect((await applyIfNext(2)).modifiedCount).toBe(0);
    expect(await ReadModel.findById('doc').lean()).toMatchObject({ count: 1, lastVersion: 2 });
  });
});
