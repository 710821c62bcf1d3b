import type { Collection } from 'mongodb';
import { isDuplicateKey, type LeaseDocument } from './storage';

/**
 * A time-limited lease in MongoDB so that at most one relay per service is active: one document
 * per name, renewed and taken over by atomic compare-and-set updates. Every takeover bumps the
 * term, which is the fencing token.
 */
export class Lease {
  private term: number | undefined;
  /** Local time until which the lease is surely held: counted from before the write that renewed it. */
  private heldUntil = 0;

  constructor(
    private readonly collection: Collection<LeaseDocument>,
    private readonly name: string,
    readonly owner: string,
    private readonly ttlMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get fencingToken(): number | undefined {
    return this.term;
  }

  /**
   * Renews the lease if still held, takes it over if it lapsed; true when held afterwards. While
   * more than half the TTL is left the renewal is skipped: no one can take the lease before it
   * expires, and a busy relay calls this once per batch.
   */
  async acquireOrRenew(): Promise<boolean> {
    const now = this.now();
    if (this.term !== undefined && this.heldUntil - now.getTime() > this.ttlMs / 2) return true;
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    if (this.term !== undefined) {
      const renewed = await this.collection.updateOne(
        { _id: this.name, owner: this.owner, term: this.term },
        { $set: { expiresAt } },
      );
      if (renewed.matchedCount === 1) {
        this.heldUntil = expiresAt.getTime();
        return true;
      }
      this.term = undefined;
    }
    try {
      // Matches only a lapsed lease; when none exists the upsert creates it, and when a live one
      // exists the upsert's insert hits the _id and fails: either way exactly one candidate wins.
      const taken = await this.collection.findOneAndUpdate(
        { _id: this.name, expiresAt: { $lte: now } },
        { $set: { owner: this.owner, expiresAt }, $inc: { term: 1 } },
        { upsert: true, returnDocument: 'after' },
      );
      this.term = taken?.owner === this.owner ? taken.term : undefined;
      if (this.term !== undefined) this.heldUntil = expiresAt.getTime();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return this.term !== undefined;
  }

  /** Gives the lease up at once so a standby need not wait for it to expire. */
  async release(): Promise<void> {
    if (this.term === undefined) return;
    await this.collection.updateOne(
      { _id: this.name, owner: this.owner, term: this.term },
      { $set: { expiresAt: new Date(0) } },
    );
    this.term = undefined;
    this.heldUntil = 0;
  }
}
