import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand, type HandledCommand } from '@tandem/eventstore';
import { DomainError, isDomainError } from '@tandem/kernel';
import { relationshipDecider, type RelationshipState } from '@tandem/matching-domain';
import { MentorCapacity } from '../../infrastructure/mentor-capacity';
import { streams } from '../../infrastructure/streams';
import type { RelationshipView } from '../../infrastructure/views';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { CapacityLimits } from '../capacity-limits';
import { MentorCapacityPolicy } from '../mentor-capacity-policy/mentor-capacity-policy';
import { RelationshipAccess, type VisibleRelationship } from '../relationship-access';

export class AcceptRelationship {
  constructor(
    readonly principal: Principal,
    readonly relationshipId: string,
    /** From If-Match: the relationship's version the caller saw (412 when it moved on). */
    readonly expectedVersion?: number,
  ) {}
}

/**
 * A party accepts a proposal (an admin approves it, where the program asks for that). The
 * acceptance that starts the relationship needs its mentors' capacity: the decider refuses it
 * without, so the capacity is claimed (keyed by relationship, safe to repeat) and the command
 * decided again holding it. The claim is confirmed once `started` is appended, and given back
 * otherwise; if this process dies in between, the mentor capacity policy settles it.
 */
@CommandHandler(AcceptRelationship)
export class AcceptRelationshipHandler implements ICommandHandler<AcceptRelationship, RelationshipView> {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly access: RelationshipAccess,
    private readonly capacity: MentorCapacity,
    private readonly limits: CapacityLimits,
    private readonly policy: MentorCapacityPolicy,
  ) {}

  async execute({
    principal,
    relationshipId,
    expectedVersion,
  }: AcceptRelationship): Promise<RelationshipView> {
    const visible = await this.access.visible(principal, relationshipId);
    const handled = await this.accept(principal, visible, expectedVersion);
    const stored = await this.projection.applyAppended(handled.events, visible.relationship);
    if (handled.events.some((e) => e.type === 'matching.relationship.expired')) {
      await this.capacity.release(principal.tenantId, relationshipId);
      throw new DomainError('proposal-expired', 'This proposal has expired');
    }
    return stored ?? visible.relationship;
  }

  private async accept(
    principal: Principal,
    visible: VisibleRelationship,
    expectedVersion: number | undefined,
  ): Promise<HandledCommand<RelationshipState>> {
    const { tenantId } = principal;
    const { relationshipId } = visible.relationship;
    const accept = (capacityHeld: boolean) =>
      handleCommand(this.store, relationshipDecider, {
        tenantId,
        streamId: streams.relationship(relationshipId),
        command: {
          type: 'accept',
          by: principal.userId,
          asAdmin: visible.asAdmin,
          acceptance: visible.program.settings.acceptance,
          now: new Date().toISOString(),
          capacityHeld,
          programClosed: visible.program.status === 'closed',
        },
        // Both attempts: the first is refused before any append, so the version the caller saw still holds.
        expectedVersion,
      });
    try {
      return await accept(false);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'capacity-not-held') throw error;
    }
    const limits = await this.limits.of(tenantId, visible.relationship, visible.program);
    await this.capacity.claim(tenantId, relationshipId, limits);
    let handled: HandledCommand<RelationshipState>;
    try {
      handled = await accept(true);
    } catch (error) {
      await this.policy.settle(tenantId, relationshipId);
      throw error;
    }
    if (!handled.events.some((e) => e.type === 'matching.relationship.started'))
      await this.policy.settle(tenantId, relationshipId);
    else if (!(await this.capacity.confirm(tenantId, relationshipId)))
      await this.capacity.holdStarted(tenantId, relationshipId, limits);
    return handled;
  }
}
