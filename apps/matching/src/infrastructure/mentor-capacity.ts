import { Injectable } from '@nestjs/common';
import { RuleViolationError } from '@tandem/matching-domain';
import { queryOperator } from '@tandem/auth';
import { ReadModels } from './read-model-collections';

export interface CapacityLimit {
  /** `program/<programId>/<mentorUserId>` or `user/<mentorUserId>` (the cap across programs). */
  readonly scope: string;
  readonly capacity: number;
  /** Slots the relationship takes in this limit: one per mentee of a group in its program. */
  readonly units: number;
}

const isDuplicateKey = (error: unknown) => (error as { code?: unknown }).code === 11000;

/**
 * A mentor's capacity as numbered slots, one document each, `_id` = tenant/scope/slot. Claiming
 * inserts the first free slot; the unique `_id` lets exactly one of any number of concurrent
 * claims win a slot, so no mentor exceeds capacity however many acceptances race (conditional
 * updates cannot promise that on the local MongoDB-compatible server).
 */
@Injectable()
export class MentorCapacity {
  constructor(private readonly readModels: ReadModels) {}

  /** Claims one slot in every limit for the relationship, or none (throws a 409 naming the full one). */
  async claim(
    tenantId: string,
    relationshipId: string,
    mentorUserId: string,
    limits: readonly CapacityLimit[],
  ): Promise<void> {
    const claimed: string[] = [];
    for (const limit of limits) {
      const slotIds = await this.claimUnits(tenantId, relationshipId, mentorUserId, limit);
      claimed.push(...slotIds);
      if (slotIds.length < limit.units) {
        await this.readModels
          .forTenant(tenantId)
          .mentorSlots.deleteMany({ _id: queryOperator({ $in: claimed }) });
        throw new RuleViolationError(
          'mentor-at-capacity',
          limit.scope.startsWith('user/')
            ? 'The mentor has reached their overall mentoring capacity'
            : 'The mentor has no capacity left in this program',
        );
      }
    }
  }

  /** Frees every slot the relationship holds (idempotent). */
  async release(tenantId: string, relationshipId: string): Promise<void> {
    await this.readModels.forTenant(tenantId).mentorSlots.deleteMany({ relationshipId });
  }

  private async claimUnits(
    tenantId: string,
    relationshipId: string,
    mentorUserId: string,
    limit: CapacityLimit,
  ): Promise<string[]> {
    const slots = this.readModels.forTenant(tenantId).mentorSlots;
    const claimed: string[] = [];
    for (let slot = 0; slot < limit.capacity && claimed.length < limit.units; slot += 1) {
      const _id = `${tenantId}/${limit.scope}/${slot}`;
      try {
        await slots.insertOne({ _id, relationshipId, mentorUserId, claimedAt: new Date().toISOString() });
        claimed.push(_id);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const holder = await slots.findOne({ _id });
        if (holder?.relationshipId === relationshipId) claimed.push(_id); // a retried claim keeps its slot
      }
    }
    return claimed;
  }
}
