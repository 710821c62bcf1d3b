import { MongoClient, type Db } from 'mongodb';
import type { MongoConnection } from '@tandem/runtime';
import { testInfra, uniqueName } from '@tandem/testing';
import { ReadModels } from './read-models';

export interface MonitoredReadModels {
  readonly db: Db;
  readonly readModels: ReadModels;
  /** The commands sent since the last call (each one round trip), as `<command> <collection>`. */
  takeCommands(): string[];
  /** Drops the database and closes the client. */
  close(): Promise<void>;
}

/** The service's read models on a fresh test database, counting what reaches the server. */
export async function openMonitoredReadModels(prefix: string): Promise<MonitoredReadModels> {
  const name = uniqueName(prefix);
  const client = await new MongoClient(testInfra().mongoUri(name), { monitorCommands: true }).connect();
  const db = client.db(name);
  let sent: string[] = [];
  client.on('commandStarted', (event) =>
    sent.push(`${event.commandName} ${String(event.command[event.commandName])}`),
  );
  return {
    db,
    // ReadModels needs only the native handle of a MongoConnection.
    readModels: new ReadModels({ db } as MongoConnection),
    takeCommands: () => {
      const taken = sent;
      sent = [];
      return taken;
    },
    close: async () => {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}
