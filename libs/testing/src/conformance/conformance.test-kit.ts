import { MongoClient, type Db } from 'mongodb';
import { testInfra } from '../test-infra';
import { uniqueName } from '../unique-name';

/**
 * `count` separate clients (connection pools) on one fresh database, so concurrent operations
 * really race on the server instead of queueing on one connection.
 */
export interface RacingClients {
  readonly dbs: readonly Db[];
  readonly name: string;
  close(): Promise<void>;
}

export async function racingClients(prefix: string, count = 8): Promise<RacingClients> {
  const name = uniqueName(prefix);
  const uri = testInfra().mongoUri(name);
  const clients = await Promise.all(
    Array.from({ length: count }, () => new MongoClient(uri, { maxPoolSize: 4 }).connect()),
  );
  return {
    dbs: clients.map((client) => client.db(name)),
    name,
    close: async () => {
      await clients[0]
        ?.db(name)
        .dropDatabase()
        .catch(() => undefined);
      await Promise.all(clients.map((client) => client.close()));
    },
  };
}

/** Runs `attempt(db, i)` once per client, all at once, and counts the attempts that report winning. */
export async function winners(
  dbs: readonly Db[],
  attempt: (db: Db, client: number) => Promise<boolean>,
): Promise<number> {
  const outcomes = await Promise.all(dbs.map((db, i) => attempt(db, i)));
  return outcomes.filter(Boolean).length;
}
