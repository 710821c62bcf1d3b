import { Injectable } from '@nestjs/common';
import { EventStore, handleCommand, type Decider, type HandledCommand } from '@tandem/eventstore';
import type { TandemEvent } from '@tandem/events';
import {
  goalDecider,
  goalTemplateDecider,
  type GoalCommand,
  type GoalState,
  type GoalTemplateState,
  type PublishTemplate,
} from '@tandem/goals-domain';
import { saveSnapshotIfNewer } from '@tandem/messaging';
import type { Document } from 'mongodb';
import { documentId, ReadModels, type CollectionName } from './read-model-collections';
import { streams, type AggregateKind } from './streams';

interface Aggregate<Command, State> {
  readonly decider: Decider<Command, TandemEvent, State>;
  readonly collection: CollectionName;
  /** How the folded state appears in the read model (undefined: nothing to show yet). */
  readonly fields: (state: State) => Document | undefined;
}

const goalFields = (state: GoalState): Document | undefined =>
  state.status === 'none' ? undefined : { ...state };
const templateFields = (state: GoalTemplateState): Document | undefined =>
  state.status === 'none' ? undefined : { ...state };

const aggregates = {
  goal: { decider: goalDecider, collection: 'goals', fields: goalFields } as unknown as Aggregate<
    GoalCommand,
    unknown
  >,
  template: {
    decider: goalTemplateDecider,
    collection: 'goal_templates',
    fields: templateFields,
  } as unknown as Aggregate<PublishTemplate, unknown>,
} satisfies Record<AggregateKind, Aggregate<never, unknown>>;

type CommandOf<K extends AggregateKind> = K extends 'goal' ? GoalCommand : PublishTemplate;

interface CommandInput<C> {
  readonly tenantId: string;
  readonly id: string;
  readonly command: C;
  readonly expectedVersion?: number;
}

/**
 * Runs a command against an aggregate (read → fold → decide → append with the expected version,
 * retried on a lost race) and saves the new snapshot at once, for read-your-writes. The projector
 * does the same from Kafka, so a crash between the two still converges.
 */
@Injectable()
export class AggregateStore {
  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  async execute<K extends AggregateKind>(
    kind: K,
    input: CommandInput<CommandOf<K>>,
  ): Promise<HandledCommand<unknown>> {
    const aggregate = aggregates[kind] as Aggregate<CommandOf<K>, unknown>;
    const handled = await handleCommand(this.store, aggregate.decider, {
      tenantId: input.tenantId,
      streamId: streams[kind](input.id),
      command: input.command,
      expectedVersion: input.expectedVersion,
    });
    if (handled.events.length > 0)
      await this.project(kind, input.tenantId, input.id, handled.state, handled.version);
    return handled;
  }

  /** Re-folds a stream from the store and saves its snapshot (the projector, rebuilds). */
  async refresh(kind: AggregateKind, tenantId: string, id: string): Promise<void> {
    const aggregate = aggregates[kind] as Aggregate<unknown, unknown>;
    const stream = await this.store.readStream(tenantId, streams[kind](id));
    const state = stream.events.reduce(
      (s, e) => aggregate.decider.evolve(s, e as unknown as TandemEvent),
      aggregate.decider.initialState(),
    );
    await this.project(kind, tenantId, id, state, stream.version);
  }

  private async project(
    kind: AggregateKind,
    tenantId: string,
    id: string,
    state: unknown,
    version: number,
  ): Promise<void> {
    const aggregate = aggregates[kind] as Aggregate<unknown, unknown>;
    const fields = aggregate.fields(state);
    if (!fields || version === 0) return;
    await saveSnapshotIfNewer(this.readModels.raw(aggregate.collection), documentId(tenantId, id), version, {
      ...fields,
      tenantId,
    });
  }
}
