import { connectTestDatabase, type TestDatabase } from '@tandem/testing';
import { EventStore } from './event-store';

/** An event store with its indexes on a fresh test database; `database.close()` drops it. */
export async function openTestEventStore(
  prefix: string,
  source: string,
): Promise<{ database: TestDatabase; store: EventStore }> {
  const database = await connectTestDatabase(prefix);
  const store = new EventStore(database.db, { source });
  await store.ensureIndexes();
  return { database, store };
}
