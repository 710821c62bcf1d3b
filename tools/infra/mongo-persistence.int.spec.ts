import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { freePort } from '@tandem/testing';

const cli = path.resolve(__dirname, 'cli.mjs');

// Conformance, last part: what was acknowledged survives a restart of the local engine. This
// starts a private instance of the default engine (own port, own data directory), so the
// servers the other tests use are never restarted.
describe('local MongoDB-compatible engine: persistence across a restart', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tandem-persist-'));
  let env: NodeJS.ProcessEnv;

  const infra = (...args: string[]) =>
    JSON.parse(
      execFileSync(process.execPath, [cli, ...args, '--json'], {
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );

  beforeAll(async () => {
    env = { ...process.env, TANDEM_DATA_DIR: dataDir, TANDEM_MONGO_PORT: String(await freePort()) };
  });

  afterAll(() => {
    infra('down', 'mongo');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps documents, a unique index and its enforcement after a stop and a start', async () => {
    const { env: connection } = infra('up', 'mongo');
    const uri = (connection.MONGODB_URI as string).replace('/?', '/persist?');

    const before = await new MongoClient(uri).connect();
    const written = before.db().collection('docs');
    await written.createIndex({ key: 1 }, { unique: true });
    await written.insertMany(Array.from({ length: 100 }, (_, i) => ({ key: i, body: `doc ${i}` })));
    await written.updateOne({ key: 7 }, { $inc: { edits: 1 } });
    await before.close();

    expect(infra('down', 'mongo').stopped.mongo).toBe(true);
    expect(infra('up', 'mongo').started.mongo).toBe(true);

    const after = await new MongoClient(uri).connect();
    try {
      const read = after.db().collection('docs');
      expect(await read.countDocuments()).toBe(100);
      expect(await read.findOne({ key: 7 }, { projection: { _id: 0 } })).toEqual({
        key: 7,
        body: 'doc 7',
        edits: 1,
      });
      await expect(read.insertOne({ key: 7 })).rejects.toMatchObject({ code: 11000 });
    } finally {
      await after.close();
    }
  }, 600_000);
});
