import type { Logger } from '@nestjs/common';
import type { Db, IndexDescription } from 'mongodb';

/** Collection name → the indexes its queries need. */
export type IndexPlan = Readonly<Record<string, readonly IndexDescription[]>>;

/**
 * Creates a service's read-model indexes at start (idempotent: existing ones are kept). A failure
 * is logged, not fatal: the service still answers, only slower, and the next start tries again.
 */
export async function createIndexes(db: Db, plan: IndexPlan, logger: Logger): Promise<void> {
  await Promise.all(
    Object.entries(plan).map(([name, indexes]) => db.collection(name).createIndexes([...indexes])),
  ).catch((error: Error) => logger.warn(`read-model indexes not created: ${error.message}`));
}
