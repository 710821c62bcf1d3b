import type { CommitDocument, EventStoreCollections } from './storage';
import { isDuplicateKey } from './storage';

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
      .find({ position: null })
      .sort({ appendedAt: 1, _id: 1 })
      .limit(batchSize)
      .toArray();
    let sequenced = 0;
    for (const commit of await this.inStreamOrder(pending)) {
      const count = commit.events.length;
      try {
        await this.collections.positions.insertOne({ _id: next, commitId: commit._id, count });
      } catch (error) {
        // Another sequencer took this position: stop, the next round starts from its view.
        if (isDuplicateKey(error)) return sequenced;
        throw error;
      }
      await this.assign(commit._id, next, count);
      next += count;
      sequenced += 1;
    }
    return sequenced;
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
      { _id: commitId, position: null },
      { $set: { position, lastPosition: position + count - 1 } },
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
        {
          position: { $ne: null },
          $or: orphans.map((c) => ({ tenantId: c.tenantId, streamId: c.streamId, toVersion: c.fromVersion - 1 })),
        },
        { projection: { tenantId: 1, streamId: 1, toVersion: 1 } },
      )
      .toArray();
    return new Set(found.map((c) => versionKey(c, c.toVersion)));
  }
}

type StreamCoordinates = Pick<CommitDocument, 'tenantId' | 'streamId'>;
const streamKey = (c: StreamCoordinates) => `${c.tenantId}\u0000${c.streamId}`;
const versionKey = (c: StreamCoordinates, version: number) => `${streamKey(c)}\u0000${version}`;
