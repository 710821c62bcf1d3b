import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConcurrencyError, EventStore, handleCommand } from '@tandem/eventstore';
import { programDecider } from '@tandem/matching-domain';
import { PeriodicTask } from '@tandem/runtime';
import { Clock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { ProgramView } from '../../infrastructure/views';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { ProgramClosure } from '../program-closure/program-closure';

/** The actor named in the events the dates cause. */
export const PROGRAM_DATES_ACTOR = 'system:program-dates';

/**
 * Makes program dates happen, every PROGRAM_DATES_INTERVAL_MS (default a minute): enrolment opens
 * and closes on its dates, and a program past its end date closes, which ends its relationships.
 * The decider says what each date calls for, so a second replica's run appends nothing.
 */
@Injectable()
export class ProgramDates implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new PeriodicTask('ProgramDates', () => this.sweep());

  constructor(
    private readonly readModels: ReadModels,
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly closure: ProgramClosure,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(Number(process.env['PROGRAM_DATES_INTERVAL_MS'] ?? 60_000));
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Applies every program's dates as of `now`; returns how many programs changed. */
  async sweep(now = this.clock.now()): Promise<number> {
    const today = now.toISOString().slice(0, 10);
    // A system job across tenants: each program is then handled in its own tenant's scope.
    const due = await this.readModels
      .raw<ProgramView>('programs')
      .find({
        status: { $ne: 'closed' },
        $or: [
          { 'settings.enrolmentOpensOn': { $lte: today } },
          { 'settings.enrolmentClosesOn': { $lt: today } },
          { 'settings.endsOn': { $lt: today } },
        ],
      })
      .project<{ tenantId: string; programId: string }>({ tenantId: 1, programId: 1 })
      .toArray();
    let changed = 0;
    for (const { tenantId, programId } of due) {
      if (await this.follow(tenantId, programId, today)) changed += 1;
    }
    return changed;
  }

  private async follow(tenantId: string, programId: string, today: string): Promise<boolean> {
    try {
      const handled = await handleCommand(this.store, programDecider, {
        tenantId,
        streamId: streams.program(programId),
        command: { type: 'follow-dates', by: PROGRAM_DATES_ACTOR, today },
      });
      if (handled.events.length === 0) return false;
      await this.projection.applyAppended(handled.events);
      if (handled.events.some((e) => e.type === 'matching.program.closed'))
        await this.closure.endRelationshipsOf(tenantId, programId, PROGRAM_DATES_ACTOR);
      return true;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      return false; // an admin changed it at the same moment: the next run looks again
    }
  }
}
