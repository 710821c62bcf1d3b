import type { Collection, Document, Filter, UpdateFilter, WithId } from 'mongodb';

/** What a background job document (a CSV import, a match run) has for cancelling. */
interface CancellableJob extends Document {
  status: string;
  cancelRequested: boolean;
  finishedAt?: Date;
}

/**
 * A queued job is cancelled at once; a running one is marked, and its runner stops it; a finished
 * one is answered as it is. Each step is one conditional update. Null: no such job.
 */
export async function requestJobCancel<T extends CancellableJob>(
  jobs: Collection<T>,
  filter: Filter<T>,
  now: Date,
): Promise<WithId<T> | null> {
  const cancelled = await jobs.findOneAndUpdate(
    { ...filter, status: 'queued' } as Filter<T>,
    { $set: { status: 'cancelled', cancelRequested: true, finishedAt: now } } as UpdateFilter<T>,
    { returnDocument: 'after' },
  );
  if (cancelled) return cancelled;
  const marked = await jobs.findOneAndUpdate(
    { ...filter, status: 'running' } as Filter<T>,
    { $set: { cancelRequested: true } } as UpdateFilter<T>,
    { returnDocument: 'after' },
  );
  return marked ?? jobs.findOne(filter);
}
