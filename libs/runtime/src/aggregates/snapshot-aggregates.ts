import { Injectable } from '@nestjs/common';
import {
  ConcurrencyError,
  EventStore,
  handleCommand,
  type Decider,
  type HandledCommand,
} from '@tandem/eventstore';
import type { TandemEvent } from '@tandem/events';
import { saveSnapshotIfNewer } from '@tandem/messaging';
import type { Document } from 'mongodb';
import { MongoConnection } from '../mongo/mongo-connection';

/** An event-sourced aggregate whose folded state is also kept as one read-model document. */
export interface SnapshotAggregate<Command, State> {
  readonly decider: Decider<Command, TandemEvent, State>;
  readonly streamOf: (id: string) => string;
  /** Read-model collection: one document per aggregate, `_id` = `<tenant>/<id>`. */
  readonly collection: string;
  /** How the folded state appears in the read model (undefined: nothing to show yet). */
  readonly fields: (state: State) => Document | undefined;
}

export interface AggregateCommand<Command> {
  readonly tenantId: string;
  readonly id: string;
  readonly command: Command;
  /** The version the caller saw (If-Match): a mismatch is a 409 at once instead of a retry. */
  readonly expectedVersion?: number;
}

/** Work that must succeed between deciding and appending (e.g. claiming capacity), and its undo. */
export interface AppendHooks {
  beforeAppend(events: readonly TandemEvent[]): Promise<void>;
  appendFailed(events: readonly TandemEvent[]): Promise<void>;
}

/**
 * Runs commands against aggregates (read → fold → decide → append with the expected version,
 * retried on a lost race) and saves the aggregate's snapshot at once, for read-your-writes. A
 * service's projector calls `refresh` for every event of its own topic, so a crash between the
 * append and the snapshot still converges, whatever the order of deliveries.
 */
@Injectable()
export class SnapshotAggregates {
  constructor(
    private readonly store: EventStore,
    private readonly mongo: MongoConnection,
  ) {}

  async execute<C, S>(
    aggregate: SnapshotAggregate<C, S>,
    input: AggregateCommand<C>,
    hooks?: AppendHooks,
  ): Promise<HandledCommand<S>> {
    const handled = hooks
      ? await this.decideAndAppend(aggregate, input, hooks)
      : await handleCommand(this.store, aggregate.decider, {
          tenantId: input.tenantId,
          streamId: aggregate.streamOf(input.id),
          command: input.command,
          expectedVersion: input.expectedVersion,
        });
    if (handled.events.length > 0)
      await this.save(aggregate, input.tenantId, input.id, handled.state, handled.version);
    return handled;
  }

  /** Re-folds the aggregate's stream and saves its snapshot (projectors, rebuilds). */
  async refresh<C, S>(aggregate: SnapshotAggregate<C, S>, tenantId: string, id: string): Promise<void> {
    const stream = await this.store.readStream(tenantId, aggregate.streamOf(id));
    const state = stream.events.reduce(
      (s, e) => aggregate.decider.evolve(s, e as unknown as TandemEvent),
      aggregate.decider.initialState(),
    );
    await this.save(aggregate, tenantId, id, state, stream.version);
  }

  private async decideAndAppend<C, S>(
    aggregate: SnapshotAggregate<C, S>,
    input: AggregateCommand<C>,
    hooks: AppendHooks,
  ): Promise<HandledCommand<S>> {
    const streamId = aggregate.streamOf(input.id);
    for (let attempt = 0; ; attempt += 1) {
      const stream = await this.store.readStream(input.tenantId, streamId);
      if (input.expectedVersion !== undefined && input.expectedVersion !== stream.version) {
        throw new ConcurrencyError(streamId, input.expectedVersion, stream.version);
      }
      const state = stream.events.reduce(
        (s, e) => aggregate.decider.evolve(s, e as unknown as TandemEvent),
        aggregate.decider.initialState(),
      );
      const decided = aggregate.decider.decide(input.command, state);
      await hooks.beforeAppend(decided);
      try {
        const events = await this.store.append(input.tenantId, streamId, stream.version, decided);
        return {
          events,
          version: stream.version + decided.length,
          state: decided.reduce((s, e) => aggregate.decider.evolve(s, e), state),
        };
      } catch (error) {
        await hooks.appendFailed(decided);
        if (!(error instanceof ConcurrencyError) || input.expectedVersion !== undefined || attempt >= 3)
          throw error;
      }
    }
  }

  private async save<C, S>(
    aggregate: SnapshotAggregate<C, S>,
    tenantId: string,
    id: string,
    state: S,
    version: number,
  ): Promise<void> {
    const fields = aggregate.fields(state);
    if (!fields || version === 0) return;
    await saveSnapshotIfNewer(this.mongo.db.collection(aggregate.collection), `${tenantId}/${id}`, version, {
      ...fields,
      tenantId,
    });
  }
}
