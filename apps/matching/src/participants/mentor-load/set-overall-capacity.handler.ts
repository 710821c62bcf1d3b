import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { mentorDecider } from '@tandem/matching-domain';
import { streams } from '../../infrastructure/streams';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { isMentorAdmin, requireSelfOrAdmin } from './mentor-load-access';

export class SetOverallCapacity {
  constructor(
    readonly principal: Principal,
    readonly userId: string,
    /** Undefined removes the cap. */
    readonly overallCapacity: number | undefined,
    readonly expectedVersion?: number,
    /** From an enrolment that names a cap: only for someone who has none yet. */
    readonly onlyIfUnset = false,
  ) {}
}

/** Sets a person's one overall capacity (the person or an admin); matching and approvals read it. */
@CommandHandler(SetOverallCapacity)
export class SetOverallCapacityHandler implements ICommandHandler<SetOverallCapacity, void> {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
  ) {}

  async execute(command: SetOverallCapacity): Promise<void> {
    const { principal, userId, overallCapacity, expectedVersion, onlyIfUnset } = command;
    requireSelfOrAdmin(principal, userId);
    const handled = await handleCommand(this.store, mentorDecider, {
      tenantId: principal.tenantId,
      streamId: streams.mentor(userId),
      command: {
        type: 'set-overall-capacity',
        userId,
        ...(overallCapacity === undefined ? {} : { overallCapacity }),
        by: principal.userId,
        asAdmin: isMentorAdmin(principal),
        onlyIfUnset,
      },
      expectedVersion,
    });
    await this.projection.applyAppended(handled.events);
  }
}
