import type { ChangeStream, ChangeStreamInsertDocument, Collection, FindCursor } from 'mongodb';
import type { CommitDocument } from './storage';

/** Where a relay finds the commits it has still to publish, each stream's in version order. */
export interface OutboxFeed {
  /** Whether `next` itself waits a moment for new commits when there are none (no need to poll). */
  readonly waits: boolean;
  /** Up to `max` unpublished commits. */
  next(max: number): Promise<CommitDocument[]>;
  close(): Promise<void>;
}

const byStreamOrder = { tenantId: 1, streamId: 1, fromVersion: 1 } as const;
/** How long a change-stream batch waits for more changes once it has one. */
const lingerMs = 5;

/** Indexed polling of `published: false`: works on any MongoDB, also a standalone server. */
export class PollingFeed implements OutboxFeed {
  readonly waits = false;

  constructor(private readonly commits: Collection<CommitDocument>) {}

  next(max: number): Promise<CommitDocument[]> {
    return this.commits.find({ published: false }).sort(byStreamOrder).limit(max).toArray();
  }

  close(): Promise<void> {
    return Promise.resolve(); // nothing held open between polls
  }
}

/**
 * New commits pushed by a change stream (replica sets, the local engine), after a catch-up scan of
 * what was unpublished when the feed opened. The stream is opened before the scan, so nothing
 * falls between them; a commit seen by both is handed out once. Saves the relay a query per batch
 * and lets other processes' appends reach it at once.
 */
export class ChangeStreamFeed implements OutboxFeed {
  readonly waits = true;
  private readonly scanned = new Set<string>();
  private catchUp: FindCursor<CommitDocument> | undefined;
  private pending: Promise<ChangeStreamInsertDocument<CommitDocument> | null> | undefined;
  private caughtUp = false;

  private constructor(
    private readonly commits: Collection<CommitDocument>,
    private readonly stream: ChangeStream<CommitDocument, ChangeStreamInsertDocument<CommitDocument>>,
    private readonly early: CommitDocument[],
  ) {}

  /** The feed, or undefined when the server has no change streams (a standalone MongoDB). */
  static async open(
    commits: Collection<CommitDocument>,
    maxAwaitTimeMS = 250,
  ): Promise<ChangeStreamFeed | undefined> {
    const stream = commits.watch<CommitDocument, ChangeStreamInsertDocument<CommitDocument>>(
      [{ $match: { operationType: 'insert' } }],
      { maxAwaitTimeMS, batchSize: 1000 },
    );
    try {
      // The first round trip starts the stream; a server without change streams refuses it here.
      const first = await stream.tryNext();
      return new ChangeStreamFeed(commits, stream, first?.fullDocument ? [first.fullDocument] : []);
    } catch {
      await stream.close().catch(() => undefined);
      return undefined;
    }
  }

  async next(max: number): Promise<CommitDocument[]> {
    if (this.catchUp === undefined)
      this.catchUp = this.commits.find({ published: false }).sort(byStreamOrder).batchSize(max);
    if (!this.caughtUp) {
      const batch: CommitDocument[] = [];
      while (batch.length < max) {
        const commit = await this.catchUp.next();
        if (!commit) break;
        this.scanned.add(commit._id);
        batch.push(commit);
      }
      if (batch.length > 0) return batch;
      this.caughtUp = true;
      await this.catchUp.close();
    }
    const batch = this.early.splice(0).filter((commit) => !this.scanned.has(commit._id));
    // The first change may be waited for; after it, only what arrives within a short linger joins
    // the batch: under a steady trickle of appends the batch goes out at once instead of filling up.
    let lingerUntil: number | undefined;
    while (batch.length < max) {
      const change = await this.nextChange(lingerUntil);
      if (change === 'linger-over') break;
      if (!change) {
        // Drained up to now: every later insert came after the scan, so the scan's ids can go.
        this.scanned.clear();
        break;
      }
      lingerUntil ??= Date.now() + lingerMs;
      if (change.fullDocument && !this.scanned.has(change.fullDocument._id)) batch.push(change.fullDocument);
    }
    return batch;
  }

  /** The next change, or 'linger-over' when `until` passes first (the read stays pending for the next call). */
  private async nextChange(
    until: number | undefined,
  ): Promise<ChangeStreamInsertDocument<CommitDocument> | null | 'linger-over'> {
    this.pending ??= this.stream.tryNext();
    // Handled here too, so a read pending while the feed closes is no unhandled rejection.
    this.pending.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const lingerOver =
      until === undefined
        ? undefined
        : new Promise<'linger-over'>(
            (resolve) => (timer = setTimeout(() => resolve('linger-over'), Math.max(0, until - Date.now()))),
          );
    try {
      const result = await (lingerOver ? Promise.race([this.pending, lingerOver]) : this.pending);
      if (result !== 'linger-over') this.pending = undefined;
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.catchUp?.close();
    await this.stream.close();
  }
}
