import { MongoClient, type Db } from 'mongodb';
import { testInfra } from './test-infra';
import { uniqueName } from './unique-name';

export interface TestDatabase {
  readonly db: Db;
  /** The database's client, for sessions and transactions. */
  readonly client: MongoClient;
  readonly name: string;
  /** Drops the database and closes the client. */
  close(): Promise<void>;
}

/** A fresh, uniquely named database on the test server, for one test file. */
export async function connectTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = uniqueName(prefix);
  const client = await new MongoClient(testInfra().mongoUri(name)).connect();
  const db = client.db(name);
  return {
    db,
    client,
    name,
    close: async () => {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}
