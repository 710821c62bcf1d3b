import { commitKeys, isDuplicateKey, type CommitDocument, type EventStoreCollections } from './storage';

/**
 * Gives appended commits their global positions: gap-free, monotonic, and in stream order.
 * Positions are taken in `event_positions`, whose unique _id lets only one writer take each one,
 * so even a relay that lost its lease cannot create a duplicate or a gap.
 */
export class Sequencer {
  constructor(private readonly collections: EventStoreCollections) {}

  /** Sequences up to `batchSize` pending commits; returns how many it ordered. */
  async sequence(batchSize = 500): Promise<number> {
    let next = await this.nextPosition();
    const pending = await this.collections.commits
      .find({ sequenced: false }, { projection: { events: 0 } })
      .sort({ appendedAt: 1, _id: 1 })
      .limit(batchSize)
      .toArray();
    const ledger = (await this.inStreamOrder(pending)).map((commit) => {
      const entry = { _id: next, commitId: commit._id, count: commit.toVersion - commit.fromVersion + 1 };
      next += entry.count;
      return entry;
    });
    if (ledger.length === 0) return 0;
    let taken = ledger.length;
    try {
      await this.collections.positions.insertMany(ledger, { ordered: true });
    } catch (error) {
      // Another sequencer took a position: keep what was inserted before it; the next round
      // starts from the other sequencer's view.
      if (!isDuplicateKey(error)) throw error;
      taken = (error as { insertedCount?: number }).insertedCount ?? 0;
    }
    const assigned = ledger.slice(0, taken);
    // In chunks: FerretDB 1.24 stalls on a bulkWrite of more than about 100 updates.
    for (let i = 0; i < assigned.length; i += bulkChunk) {
      await this.collections.commits.bulkWrite(
        assigned.slice(i, i + bulkChunk).map((entry) => ({
          updateOne: {
            // By _id alone: the ledger already made this assignment unique, and FerretDB only
            // answers pure _id filters without scanning the collection.
            filter: { _id: entry.commitId },
            update: { $set: { sequenced: true, position: entry._id, lastPosition: entry._id + entry.count - 1 } },
          },
        })),
        { ordered: true },
      );
    }
    return assigned.length;
  }

  /** The position after the last one taken, finishing that commit's assignment if a crash cut it short. */
  private async nextPosition(): Promise<number> {
    const last = await this.collections.positions.find().sort({ _id: -1 }).limit(1).next();
    if (!last) return 1;
    await this.assign(last.commitId, last._id, last.count);
    return last._id + last.count;
  }

  private async assign(commitId: string, position: number, count: number): Promise<void> {
    await this.collections.commits.updateOne(
      { _id: commitId },
      { $set: { sequenced: true, position, lastPosition: position + count - 1 } },
    );
  }

  /**
   * Orders a batch so each stream's commits come in version order (arrival order across streams),
   * and holds back a commit whose predecessor is neither sequenced nor admitted before it here:
   * that predecessor may still be in flight.
   */
  private async inStreamOrder(pending: CommitDocument[]): Promise<CommitDocument[]> {
    const ready = await this.sequencedPredecessors(pending);
    const admitted = new Set<CommitDocument>();
    for (const commit of [...pending].sort((a, b) => a.fromVersion - b.fromVersion)) {
      if (commit.fromVersion === 1 || ready.has(versionKey(commit, commit.fromVersion - 1))) {
        ready.add(versionKey(commit, commit.toVersion));
        admitted.add(commit);
      }
    }
    const queues = new Map<string, CommitDocument[]>();
    for (const commit of [...admitted].sort((a, b) => a.fromVersion - b.fromVersion)) {
      queues.set(streamKey(commit), [...(queues.get(streamKey(commit)) ?? []), commit]);
    }
    // Each admitted commit's slot takes the stream's next commit in version order.
    return pending.filter((c) => admitted.has(c)).flatMap((c) => queues.get(streamKey(c))?.splice(0, 1) ?? []);
  }

  /** Keys of already-sequenced commits that directly precede a pending one not preceded in the batch. */
  private async sequencedPredecessors(pending: CommitDocument[]): Promise<Set<string>> {
    const inBatch = new Set(pending.map((c) => versionKey(c, c.toVersion)));
    const orphans = pending.filter((c) => c.fromVersion > 1 && !inBatch.has(versionKey(c, c.fromVersion - 1)));
    if (orphans.length === 0) return new Set();
    const found = await this.collections.commits
      .find(
        { endKey: { $in: orphans.map((c) => commitKeys.end(c.tenantId, c.streamId, c.fromVersion - 1)) }, sequenced: true },
        { projection: { tenantId: 1, streamId: 1, toVersion: 1 } },
      )
      .toArray();
    return new Set(found.map((c) => versionKey(c, c.toVersion)));
  }
}

const bulkChunk = 50;

type StreamCoordinates = Pick<CommitDocument, 'tenantId' | 'streamId'>;
const streamKey = (c: StreamCoordinates) => `${c.tenantId}\u0000${c.streamId}`;
const versionKey = (c: StreamCoordinates, version: number) => `${streamKey(c)}\u0000${version}`;
