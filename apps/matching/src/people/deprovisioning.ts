import { Injectable } from '@nestjs/common';
import { queryOperator } from '@tandem/auth';
import type { EventEnvelope } from '@tandem/events';
import { ConcurrencyError, EventStore, handleCommand } from '@tandem/eventstore';
import { isDomainError } from '@tandem/kernel';
import { participantDecider, relationshipDecider } from '@tandem/matching-domain';
import type { EventSubscriber } from '@tandem/runtime';
import { MentorCapacity } from '../infrastructure/mentor-capacity';
import { ReadModels } from '../infrastructure/read-model-collections';
import type { RelationshipView } from '../infrastructure/views';
import { streams } from '../infrastructure/streams';
import { ReadModelProjection } from '../read-models/read-model-projection';

/** Programs whose relationships have not started: a deactivated person leaves them. */
const NOT_LAUNCHED = ['draft', 'enrolment-open', 'enrolment-closed'];

/**
 * What a person's deactivation in the directory (SCIM or an admin) does in matching: their open
 * proposals are declined on their behalf (`participant-deactivated`), they are withdrawn from
 * programs that have not launched, and each running relationship of theirs is flagged to its
 * program's admins (`matching.relationship.party-deactivated`), never ended silently. Driven by
 * `matching.person.deactivated` from the topic, so a crash after the deactivation still does it;
 * the deactivating request runs it at once too. Running it twice changes nothing more.
 */
@Injectable()
export class Deprovisioning implements EventSubscriber {
  constructor(
    private readonly readModels: ReadModels,
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly capacity: MentorCapacity,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    if (event.type !== 'matching.person.deactivated') return;
    await this.deprovision(event.metadata.tenantId, event.data.userId);
  }

  async deprovision(tenantId: string, userId: string): Promise<void> {
    const models = this.readModels.forTenant(tenantId);
    const theirs = async (status: RelationshipView['status'][]) => {
      const inStatus = queryOperator({ $in: status });
      const [asMentor, asMentee] = await Promise.all(
        [{ mentorIds: userId }, { menteeIds: userId }].map((party) =>
          models.relationships
            .find({ ...party, status: inStatus })
            .project<{ relationshipId: string }>({ relationshipId: 1 })
            .toArray(),
        ),
      );
      return [...new Set([...(asMentor ?? []), ...(asMentee ?? [])].map((r) => r.relationshipId))];
    };
    const [proposals, running, enrolments] = await Promise.all([
      theirs(['proposed']),
      theirs(['active', 'paused']),
      models.participants
        .find({ userId, status: 'enrolled' })
        .project<{ participantId: string; programId: string }>({ participantId: 1, programId: 1 })
        .toArray(),
    ]);
    for (const relationshipId of proposals) {
      const declined = await this.relationship(tenantId, relationshipId, {
        type: 'decline',
        by: userId,
        asAdmin: false,
        reason: 'participant-deactivated',
      });
      if (declined) await this.capacity.release(tenantId, relationshipId);
    }
    for (const relationshipId of running)
      await this.relationship(tenantId, relationshipId, { type: 'flag-deactivated-party', userId });
    const programs = await models.programs
      .find({ programId: queryOperator({ $in: [...new Set(enrolments.map((e) => e.programId))] }) })
      .project<{ programId: string; status?: string }>({ programId: 1, status: 1 })
      .toArray();
    const notLaunched = new Set(
      programs.filter((p) => NOT_LAUNCHED.includes(p.status ?? '')).map((p) => p.programId),
    );
    for (const { participantId, programId } of enrolments)
      if (notLaunched.has(programId)) await this.withdraw(tenantId, participantId);
  }

  /** True if it appended; a relationship that moved on meanwhile (answered, ended) is left as it is. */
  private async relationship(
    tenantId: string,
    relationshipId: string,
    command: Parameters<typeof relationshipDecider.decide>[0],
  ): Promise<boolean> {
    try {
      const handled = await handleCommand(this.store, relationshipDecider, {
        tenantId,
        streamId: streams.relationship(relationshipId),
        command,
      });
      await this.projection.applyAppended(handled.events);
      return handled.events.length > 0;
    } catch (error) {
      if (isDomainError(error) || error instanceof ConcurrencyError) return false;
      throw error;
    }
  }

  private async withdraw(tenantId: string, participantId: string): Promise<void> {
    try {
      const handled = await handleCommand(this.store, participantDecider, {
        tenantId,
        streamId: streams.participant(participantId),
        command: { type: 'withdraw', reason: 'participant-deactivated' },
      });
      await this.projection.applyAppended(handled.events);
    } catch (error) {
      // Withdrawn already (by themselves, or an earlier delivery): nothing to do.
      if (!isDomainError(error) && !(error instanceof ConcurrencyError)) throw error;
    }
  }
}
