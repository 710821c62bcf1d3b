import type { Collection } from 'mongodb';
import { isDuplicateKey, type LeaseDocument } from './storage';

/**
 * A time-limited lease in MongoDB so that at most one relay per service is active.
 *
 * Each takeover inserts the next term (`<name>#<term>`); the unique _id lets exactly one
 * candidate win a term, on MongoDB and on FerretDB alike (whose conditional updates are not
 * atomic, so a compare-and-set on one lease document would let several win). The term is the
 * fencing token. Only the holder writes its own term document, to renew it.
 */
export class Lease {
  private term: number | undefined;

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

  /** Renews the lease if still held, takes the next term if it lapsed; true when held afterwards. */
  async acquireOrRenew(): Promise<boolean> {
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    const latest = await this.collection.find({ name: this.name }).sort({ term: -1 }).limit(1).next();
    if (latest && latest.term === this.term && latest.owner === this.owner) {
      await this.collection.updateOne({ _id: latest._id }, { $set: { expiresAt } });
      return true;
    }
    this.term = undefined;
    if (latest && latest.expiresAt > now) return false;
    const term = (latest?.term ?? 0) + 1;
    try {
      await this.collection.insertOne({ _id: `${this.name}#${term}`, name: this.name, term, owner: this.owner, expiresAt });
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    this.term = term;
    await this.collection.deleteMany({ name: this.name, term: { $lt: term - 10 } });
    return true;
  }

  /** Gives the lease up at once so a standby need not wait for it to expire. */
  async release(): Promise<void> {
    if (this.term === undefined) return;
    await this.collection.updateOne({ _id: `${this.name}#${this.term}`, owner: this.owner }, { $set: { expiresAt: new Date(0) } });
    this.term = undefined;
  }
}
