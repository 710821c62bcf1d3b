import { MongoBulkWriteError, type Collection } from 'mongodb';
import { isDuplicateKey, type CommitDocument } from './storage';

interface Pending {
  readonly commit: CommitDocument;
  readonly settle: (outcome: 'inserted' | 'duplicate' | Error) => void;
}

/**
 * Inserts commits with group commit: commits that arrive while an insert is in flight wait and go
 * together in the next `insertMany` (unordered, so a duplicate refuses only its own commit). Under
 * load many appends share one round trip; alone, an append goes at once.
 */
export class CommitWriter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly commits: Collection<CommitDocument>,
    private readonly maxBatch = 1000,
  ) {}

  /** Whether the commit was inserted or refused by the unique version index; other failures reject. */
  insert(commit: CommitDocument): Promise<'inserted' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        commit,
        settle: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)),
      });
      if (!this.flushing) {
        this.flushing = true;
        // After the current tick, so appends started together share the first round trip too.
        queueMicrotask(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      const outcomes = await this.write(batch.map((pending) => pending.commit));
      batch.forEach((pending, i) => pending.settle(outcomes[i] as 'inserted' | 'duplicate' | Error));
    }
    this.flushing = false;
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
