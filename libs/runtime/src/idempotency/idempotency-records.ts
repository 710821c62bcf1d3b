import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { KeyScope } from './idempotency-key';

/** How long a key and its stored outcome are kept (the TTL index removes them after). */
export const KEY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** What a finished request answered, replayed byte for byte to a retry. */
export interface StoredOutcome {
  readonly status: number;
  /** ETag, Location and Content-Type, lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Written before an attempt appends events: which streams, and the attempt's token whose derived
 * event ids mark its commits, so a takeover can tell whether a dead attempt took effect.
 */
export interface AppendIntent {
  readonly token: string;
  readonly tenantId: string;
  readonly streamIds: readonly string[];
  /** The attempt's event ids are `eventIdOf(token, n)` for n below this. */
  readonly eventIdsBelow: number;
}

export interface IdempotencyRecord {
  readonly _id: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly method: string;
  readonly route: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly state: 'running' | 'done';
  /** The attempt holding the claim: every write to a running record compares it (the fencing token). */
  readonly token: string;
  readonly leaseUntil?: Date;
  /** Kept across takeovers: every attempt's appends, so none is forgotten by the next one. */
  readonly intents: readonly AppendIntent[];
  readonly outcome?: StoredOutcome;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export type ClaimResult =
  | { readonly kind: 'claimed'; readonly token: string }
  | { readonly kind: 'found'; readonly record: IdempotencyRecord };

/**
 * The stored answer of a request whose answer held personal data erased since: only its status is
 * kept, and a retry gets that as a problem (`answerErased`) instead of the answer.
 */
export const ERASED_OUTCOME: StoredOutcome = { status: 410, headers: {}, body: '' };

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const isDuplicateKey = (error: unknown) => (error as { code?: unknown } | null)?.code === 11000;

/**
 * The `idempotency_keys` collection: one document per scoped key. Every transition is one
 * conditional single-document write (insert guarded by the unique `_id`, or an update matching the
 * current token), so concurrent requests and processes agree on who runs without locks or transactions.
 */
export class IdempotencyRecords {
  readonly collection: Collection<IdempotencyRecord>;
  private indexes: Promise<void> | undefined;

  constructor(
    db: Db,
    readonly leaseMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.collection = db.collection<IdempotencyRecord>('idempotency_keys');
  }

  /** The TTL index (MongoDB's monitor deletes lapsed records about once a minute; reads ignore them before). */
  ensureIndexes(): Promise<void> {
    this.indexes ??= this.collection
      .createIndex({ expiresAt: 1 }, { name: 'expires', expireAfterSeconds: 0 })
      .then(() => undefined)
      .catch((error: unknown) => {
        this.indexes = undefined;
        throw error;
      });
    return this.indexes;
  }

  /** Takes the key for a new attempt, or returns the record that already holds it. */
  async claim(id: string, scope: KeyScope, fingerprint: string): Promise<ClaimResult> {
    await this.ensureIndexes();
    for (let round = 0; round < 5; round++) {
      const fresh = this.freshRecord(id, scope, fingerprint);
      try {
        await this.collection.insertOne(fresh);
        return { kind: 'claimed', token: fresh.token };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const record = await this.collection.findOne({ _id: id });
      if (!record) continue; // released or removed between our insert and read: try again
      if (record.expiresAt > fresh.createdAt) return { kind: 'found', record };
      // Past its retention but not yet removed by the TTL monitor: as good as absent.
      const replaced = await this.collection.replaceOne({ _id: id, token: record.token }, fresh);
      if (replaced.matchedCount === 1) return { kind: 'claimed', token: fresh.token };
    }
    throw new Error(`could not claim idempotency record ${id}: it kept changing`);
  }

  /**
   * Takes over a running record whose lease lapsed (its process died): the record as it is after
   * the takeover, whose intents no earlier attempt can add to any more; undefined if another retry won.
   */
  async takeOver(record: IdempotencyRecord): Promise<IdempotencyRecord | undefined> {
    const now = this.now();
    const taken = await this.collection.findOneAndUpdate(
      { _id: record._id, token: record.token, state: 'running', leaseUntil: { $lte: now } },
      { $set: { token: randomUUID(), leaseUntil: this.leaseFrom(now) } },
      { returnDocument: 'after' },
    );
    return taken ?? undefined;
  }

  /** Extends the lease of a running attempt; false once another attempt took it over. */
  async renew(id: string, token: string): Promise<boolean> {
    const renewed = await this.collection.updateOne(
      { _id: id, token, state: 'running' },
      { $set: { leaseUntil: this.leaseFrom(this.now()) } },
    );
    return renewed.matchedCount === 1;
  }

  /** Records an attempt's coming append; false (append must not happen) once the attempt lost its claim. */
  async recordIntent(id: string, intent: AppendIntent): Promise<boolean> {
    const recorded = await this.collection.updateOne(
      { _id: id, token: intent.token, state: 'running' },
      { $push: { intents: intent } },
    );
    return recorded.matchedCount === 1;
  }

  async complete(id: string, token: string, outcome: StoredOutcome): Promise<void> {
    await this.collection.updateOne(
      { _id: id, token, state: 'running' },
      { $set: { state: 'done', outcome }, $unset: { leaseUntil: '' } },
    );
  }

  /** Frees the key after an attempt that appended nothing failed (5xx): a retry runs afresh. */
  async release(id: string, token: string): Promise<void> {
    await this.collection.deleteOne({ _id: id, token, state: 'running' });
  }

  /** Ends the lease of an attempt that failed after recording appends: the next retry checks what they did. */
  async lapse(id: string, token: string): Promise<void> {
    await this.collection.updateOne(
      { _id: id, token, state: 'running' },
      { $set: { leaseUntil: new Date(0) } },
    );
  }

  /**
   * Erasure: the stored answers that were the person's own requests, or that quote any of their
   * texts, become a 410 problem, so a retry neither replays their data nor runs the request again.
   * Records expire within a day, so the scan is over one day of the tenant's requests at most.
   */
  async shredOutcomes(tenantId: string, userId: string, texts: readonly string[]): Promise<number> {
    await this.ensureIndexes();
    // The body is JSON, so a text appears in it as a JSON string's inside.
    const quoted = [...new Set(texts.filter((text) => text.length > 0))].map((text) => ({
      'outcome.body': { $regex: escapeRegex(JSON.stringify(text).slice(1, -1)) },
    }));
    const shredded = await this.collection.updateMany(
      {
        tenantId,
        state: 'done',
        'outcome.status': { $ne: ERASED_OUTCOME.status },
        $or: [{ userId }, ...quoted],
      },
      { $set: { outcome: ERASED_OUTCOME } },
    );
    return shredded.modifiedCount;
  }

  private freshRecord(id: string, scope: KeyScope, fingerprint: string): IdempotencyRecord {
    const now = this.now();
    return {
      _id: id,
      ...scope,
      fingerprint,
      state: 'running',
      token: randomUUID(),
      leaseUntil: this.leaseFrom(now),
      intents: [],
      createdAt: now,
      expiresAt: new Date(now.getTime() + KEY_RETENTION_MS),
    };
  }

  private leaseFrom(now: Date): Date {
    return new Date(now.getTime() + this.leaseMs);
  }
}
