import { context, type Context } from '@opentelemetry/api';
import { MongoBulkWriteError, type Collection } from 'mongodb';
import { isDuplicateKey, type CommitDocument } from './storage';

interface Pending {
  readonly commit: CommitDocument;
  /** The trace of the append (its request), for the insert's span. */
  readonly context: Context;
  readonly settle: (outcome: 'inserted' | 'duplicate' | Error) => void;
}

/**
 * Inserts commits with group commit: commits that arrive while inserts are in flight wait and go
 * together in the next `insertMany` (unordered, so a duplicate refuses only its own commit). Under
 * load many appends share one round trip; alone, an append goes at once. Two inserts may be in
 * flight at a time, so the server works on one while the next batch gathers. That needs no order
 * between batches: a stream's next commit is only built once its previous one was acknowledged.
 */
export class CommitWriter {
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly commits: Collection<CommitDocument>,
    private readonly maxBatch = 1000,
    private readonly maxInFlight = 2,
  ) {}

  /** Whether the commit was inserted or refused by the unique version index; other failures reject. */
  insert(commit: CommitDocument): Promise<'inserted' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        commit,
        context: context.active(),
        settle: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)),
      });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the current tick, so appends started together share the first round trip too.
        queueMicrotask(() => {
          this.scheduled = false;
          this.drain();
        });
      }
    });
  }

  private drain(): void {
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight += 1;
      // A batch may be started by another append's completion: the insert is traced in its first
      // append's request (one insert, one trace), not in whichever request happened to drain.
      void context
        .with((batch[0] as Pending).context, () => this.write(batch.map((pending) => pending.commit)))
        .catch((error: Error) => batch.map(() => error))
        .then((outcomes) => {
          batch.forEach((pending, i) => pending.settle(outcomes[i] as 'inserted' | 'duplicate' | Error));
          this.inFlight -= 1;
          this.drain();
        });
    }
  }

  private async write(commits: CommitDocument[]): Promise<('inserted' | 'duplicate' | Error)[]> {
    try {
      if (commits.length === 1) await this.commits.insertOne(commits[0] as CommitDocument);
      else await this.commits.insertMany(commits, { ordered: false });
      return commits.map(() => 'inserted');
    } catch (error) {
      if (commits.length === 1) return [isDuplicateKey(error) ? 'duplicate' : (error as Error)];
      if (!(error instanceof MongoBulkWriteError)) return commits.map(() => error as Error);
      const failed = new Map([error.writeErrors].flat().map((writeError) => [writeError.index, writeError]));
      return commits.map((_, i) => {
        const writeError = failed.get(i);
        if (!writeError) return 'inserted';
        return writeError.code === 11000
          ? 'duplicate'
          : new Error(writeError.errmsg ?? `insert failed (code ${writeError.code})`);
      });
    }
  }
}
