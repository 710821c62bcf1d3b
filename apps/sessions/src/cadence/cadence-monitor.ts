import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@tandem/runtime';
import { ConcurrencyError, EventStore } from '@tandem/eventstore';
import {
  checkInCadence,
  foldProgramFacts,
  foldRelationshipFacts,
  type CadenceVerdict,
} from '@tandem/sessions-domain';
import { Clock } from '../infrastructure/clock';
import { documentId, ReadModels } from '../infrastructure/read-models';
import type { RelationshipFactsView } from '../infrastructure/views';

/** One stream per relationship and cadence window: its first event can be appended only once. */
export const overdueNoticeStream = (relationshipId: string, windowKey: string) =>
  `check-in-overdue-${relationshipId}-${windowKey.replace(/[^0-9A-Za-z]/g, '')}`;

/**
 * Notices active relationships that have gone a whole cadence window without a held or upcoming
 * session, every CADENCE_CHECK_INTERVAL_MS (default an hour), and emits
 * `sessions.relationship.check-in-overdue` once per window. Several replicas may check at once:
 * each notice is the first event of a stream named after its window, appended at expected version
 * 0, so exactly one append wins and the others get a concurrency error and stay silent.
 */
@Injectable()
export class CadenceMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new PeriodicTask('CadenceMonitor', () => this.check(this.clock.now()));

  constructor(
    private readonly readModels: ReadModels,
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(Number(process.env['CADENCE_CHECK_INTERVAL_MS'] ?? 3_600_000));
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Checks every relationship at `now`; returns how many notices this call emitted. */
  async check(now: Date): Promise<number> {
    // A system job across tenants: each relationship is then read in its own tenant's scope.
    const relationships = await this.readModels
      .raw<RelationshipFactsView>('relationships')
      .find({})
      .toArray();
    let emitted = 0;
    for (const doc of relationships) {
      const verdict = await this.verdictFor(doc, now);
      if (
        verdict.overdue &&
        doc.programId &&
        (await this.emit(doc.tenantId, doc.relationshipId, doc.programId, verdict))
      )
        emitted += 1;
    }
    return emitted;
  }

  private async verdictFor(doc: RelationshipFactsView, now: Date): Promise<CadenceVerdict> {
    const relationship = foldRelationshipFacts(doc.facts ?? {});
    if (relationship.status !== 'active' || !doc.programId) return { overdue: false };
    const models = this.readModels.forTenant(doc.tenantId);
    const program = foldProgramFacts(
      (await models.programs.findOne({ _id: documentId(doc.tenantId, doc.programId) }))?.facts ?? {},
    );
    const sessions = await models.sessions.find({ relationshipId: doc.relationshipId }).toArray();
    const lastHeldAt = sessions
      .flatMap((s) => (s.status === 'held' && s.heldAt ? [s.heldAt] : []))
      .sort()
      .at(-1);
    return checkInCadence({
      relationshipStatus: relationship.status,
      activeSince: relationship.activeSince,
      sessionsPerMonth: relationship.agreedSessionsPerMonth ?? program.sessionsPerMonth,
      lastHeldAt,
      scheduledStarts: sessions.filter((s) => s.status === 'scheduled').map((s) => s.startsAt),
      now: now.toISOString(),
    });
  }

  private async emit(
    tenantId: string,
    relationshipId: string,
    programId: string,
    verdict: Extract<CadenceVerdict, { overdue: true }>,
  ): Promise<boolean> {
    const { expectedBy, lastSessionAt } = verdict;
    try {
      await this.store.append(tenantId, overdueNoticeStream(relationshipId, verdict.windowKey), 0, [
        {
          type: 'sessions.relationship.check-in-overdue',
          data: { relationshipId, programId, expectedBy, ...(lastSessionAt ? { lastSessionAt } : {}) },
        },
      ]);
      return true;
    } catch (error) {
      if (error instanceof ConcurrencyError) return false; // another replica (or an earlier check) already noticed this window
      throw error;
    }
  }
}
