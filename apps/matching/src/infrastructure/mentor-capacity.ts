import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError } from '@tandem/kernel';
import { MongoConnection } from '@tandem/runtime';
import type { Collection } from 'mongodb';

export interface CapacityLimit {
  /** `program/<programId>/<mentorUserId>` or `user/<mentorUserId>` (the cap across programs). */
  readonly scope: string;
  readonly capacity: number;
  /** Units the relationship takes in this limit: one per mentee of a group in its program. */
  readonly units: number;
}

/** One relationship's hold on a scope. `started: false` until its `relationship.started` is appended. */
export interface CapacityHold {
  readonly relationshipId: string;
  readonly units: number;
  readonly claimedAt: Date;
  readonly started: boolean;
}

/** One document per capacity scope: `used` is the sum of the holders' units. */
export interface CapacityScope {
  _id: string;
  tenantId: string;
  scope: string;
  capacity: number;
  used: number;
  holders: CapacityHold[];
}

const isDuplicateKey = (error: unknown) => (error as { code?: unknown }).code === 11000;

/**
 * A mentor's capacity: one document per scope, claimed and released with single-document
 * conditional updates, so no number of concurrent acceptances can take more than the capacity.
 * Holds are keyed by relationship: a repeated claim or release changes nothing.
 */
@Injectable()
export class MentorCapacity implements OnApplicationBootstrap {
  private readonly logger = new Logger('MentorCapacity');

  constructor(private readonly mongo: MongoConnection) {}

  get scopes(): Collection<CapacityScope> {
    return this.mongo.db.collection<CapacityScope>('mentor_capacity');
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([
      this.scopes.createIndex({ tenantId: 1, 'holders.relationshipId': 1 }),
      this.scopes.createIndex({ 'holders.started': 1, 'holders.claimedAt': 1 }),
    ]).catch((error: Error) => this.logger.warn(`indexes not created yet: ${error.message}`));
  }

  /**
   * Holds the relationship's units in every limit, or in none: a full limit is a 409 naming it
   * (after giving back what this call took). Not started until `confirm`; a claim whose
   * relationship never starts is released by the capacity policy.
   */
  async claim(
    tenantId: string,
    relationshipId: string,
    limits: readonly CapacityLimit[],
    now = new Date(),
  ): Promise<void> {
    for (const limit of limits) {
      if (await this.claimOne(tenantId, relationshipId, limit, now, true)) continue;
      await this.release(tenantId, relationshipId);
      throw new DomainError(
        'mentor-at-capacity',
        limit.scope.startsWith('user/')
          ? 'The mentor has reached their overall mentoring capacity'
          : 'The mentor has no capacity left in this program',
      );
    }
  }

  /**
   * Records the holds of a relationship that has started without them (its hold was released while
   * the request that claimed it stalled past the claim timeout): the start is a fact, so it counts,
   * even beyond the capacity, and later claims are refused until there is room again.
   */
  async holdStarted(
    tenantId: string,
    relationshipId: string,
    limits: readonly CapacityLimit[],
  ): Promise<void> {
    for (const limit of limits) await this.claimOne(tenantId, relationshipId, limit, new Date(), false);
    await this.confirm(tenantId, relationshipId);
  }

  /** Marks the relationship's holds as started (its `relationship.started` is appended); false if it holds none. */
  async confirm(tenantId: string, relationshipId: string): Promise<boolean> {
    // One update: it matches every scope holding the relationship (started already or not), so its
    // matched count answers whether any does.
    const confirmed = await this.scopes.updateMany(
      { tenantId, holders: { $elemMatch: { relationshipId } } },
      { $set: { 'holders.$.started': true } },
    );
    return confirmed.matchedCount > 0;
  }

  /** Gives back every hold of the relationship; each scope is decremented once however often this runs. */
  async release(tenantId: string, relationshipId: string, onlyUnstarted = false): Promise<void> {
    const holding = await this.scopes
      .find({ tenantId, 'holders.relationshipId': relationshipId })
      .project<Pick<CapacityScope, '_id' | 'holders'>>({ holders: 1 })
      .toArray();
    for (const scope of holding) {
      const hold = scope.holders.find((h) => h.relationshipId === relationshipId);
      if (!hold || (onlyUnstarted && hold.started)) continue;
      // Matching the hold itself makes the decrement happen once, whoever releases concurrently.
      await this.scopes.updateOne(
        {
          _id: scope._id,
          tenantId,
          holders: {
            $elemMatch: { relationshipId, units: hold.units, ...(onlyUnstarted ? { started: false } : {}) },
          },
        },
        { $pull: { holders: { relationshipId } }, $inc: { used: -hold.units } },
      );
    }
  }

  /** Holds claimed before `cutoff` whose relationship has not been seen starting, across tenants. */
  async unstartedBefore(cutoff: Date): Promise<{ tenantId: string; relationshipId: string }[]> {
    const scopes = await this.scopes
      .find({ holders: { $elemMatch: { started: false, claimedAt: { $lt: cutoff } } } })
      .project<Pick<CapacityScope, 'tenantId' | 'holders'>>({ tenantId: 1, holders: 1 })
      .toArray();
    const stale = scopes.flatMap(({ tenantId, holders }) =>
      holders
        .filter((h) => !h.started && h.claimedAt < cutoff)
        .map((h) => ({ tenantId, relationshipId: h.relationshipId })),
    );
    return [...new Map(stale.map((s) => [`${s.tenantId}/${s.relationshipId}`, s])).values()];
  }

  /** One conditional update: room left and not held yet → hold. A hold from an earlier attempt counts. */
  private async claimOne(
    tenantId: string,
    relationshipId: string,
    limit: CapacityLimit,
    now: Date,
    enforce: boolean,
  ): Promise<boolean> {
    const _id = `${tenantId}/${limit.scope}`;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      // The capacity the caller read now applies (a mentor may have changed theirs).
      const room = { $expr: { $lte: [{ $add: ['$used', limit.units] }, limit.capacity] } };
      const claimed = await this.scopes.updateOne(
        { _id, tenantId, 'holders.relationshipId': { $ne: relationshipId }, ...(enforce ? room : {}) },
        {
          $push: { holders: { relationshipId, units: limit.units, claimedAt: now, started: false } },
          $inc: { used: limit.units },
          ...(enforce ? { $set: { capacity: limit.capacity } } : {}),
        },
      );
      if (claimed.modifiedCount === 1) return true;
      // Not claimed: held already, full, or the scope did not exist when the update ran (a
      // concurrent first claim may have created it since: then try again).
      const scope = await this.scopes.findOne({ _id, tenantId }, { projection: { holders: 1, used: 1 } });
      if (!scope) await this.createScope(_id, tenantId, limit);
      else if (scope.holders.some((h) => h.relationshipId === relationshipId)) return true;
      else if (enforce && scope.used + limit.units > limit.capacity) return false;
    }
    return false;
  }

  private async createScope(_id: string, tenantId: string, limit: CapacityLimit): Promise<void> {
    try {
      await this.scopes.insertOne({
        _id,
        tenantId,
        scope: limit.scope,
        capacity: limit.capacity,
        used: 0,
        holders: [],
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // created by a concurrent claim: fine
    }
  }
}
