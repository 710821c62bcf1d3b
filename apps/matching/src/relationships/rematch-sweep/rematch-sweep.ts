import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConcurrencyError } from '@tandem/eventstore';
import { isDomainError } from '@tandem/kernel';
import { PeriodicTask } from '@tandem/runtime';
import { documentId, ReadModels } from '../../infrastructure/read-model-collections';
import type { ProgramView, RelationshipView } from '../../infrastructure/views';
import type { VisibleProgram } from '../../programs/program-access';
import { Rematcher } from '../propose-rematch/rematcher';

/** The actor named in the re-matches the job proposes. */
export const REMATCH_SWEEP_ACTOR = 'system:rematch';

/**
 * Answers queued re-matches by itself, longest waiting first, every REMATCH_SWEEP_INTERVAL_MS:
 * off unless set, since admins usually choose. A mentee nobody fits yet stays queued for the next
 * run; a second replica's run appends nothing (the decider answers a request once).
 */
@Injectable()
export class RematchSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new PeriodicTask('RematchSweep', () => this.sweep());

  constructor(
    private readonly readModels: ReadModels,
    private readonly rematcher: Rematcher,
  ) {}

  onApplicationBootstrap(): void {
    const interval = Number(process.env['REMATCH_SWEEP_INTERVAL_MS'] ?? 0);
    if (interval > 0) this.task.start(interval);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Proposes a re-match for every queued mentee some mentor fits; returns how many it proposed. */
  async sweep(): Promise<number> {
    // A system job across tenants: each request is then handled in its own tenant's scope.
    const queued = await this.readModels
      .raw<RelationshipView>('relationships')
      .find({ 'rematch.status': 'queued' }, { sort: { 'rematch.requestedAt': 1, relationshipId: 1 } })
      .toArray();
    let proposed = 0;
    for (const relationship of queued) {
      const { tenantId, programId } = relationship;
      const program = await this.readModels
        .forTenant(tenantId)
        .programs.findOne({ _id: documentId(tenantId, programId) });
      if (!program?.settings || program.status === 'closed') continue;
      try {
        await this.rematcher.rematch({
          tenantId,
          relationship,
          program: program as ProgramView as VisibleProgram,
          by: REMATCH_SWEEP_ACTOR,
          asAdmin: true,
        });
        proposed += 1;
      } catch (error) {
        // Nobody fits yet, or a request answered meanwhile: the next run sees the queue as it is then.
        if (!isDomainError(error) && !(error instanceof ConcurrencyError)) throw error;
      }
    }
    return proposed;
  }
}
