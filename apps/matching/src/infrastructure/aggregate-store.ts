import { Injectable } from '@nestjs/common';
import {
  ConcurrencyError,
  handleCommand,
  EventStore,
  type Decider,
  type HandledCommand,
} from '@tandem/eventstore';
import type { TandemEvent } from '@tandem/events';
import {
  matchRunDecider,
  participantDecider,
  programDecider,
  relationshipDecider,
  type MatchRunCommand,
  type ParticipantCommand,
  type ProgramCommand,
  type RelationshipCommand,
} from '@tandem/matching-domain';
import { saveSnapshotIfNewer } from '@tandem/messaging';
import type { Document } from 'mongodb';
import { matchRunFields, participantFields, programFields, relationshipFields } from './aggregate-views';
import { documentId, ReadModels } from './read-model-collections';
import { streams, type AggregateKind } from './streams';

interface Aggregate<Command, State> {
  readonly decider: Decider<Command, TandemEvent, State>;
  readonly collection: 'programs' | 'participants' | 'relationships' | 'match_runs';
  readonly fields: (state: State) => Document | undefined;
}

const aggregates = {
  program: { decider: programDecider, collection: 'programs', fields: programFields } as Aggregate<
    ProgramCommand,
    unknown
  >,
  participant: {
    decider: participantDecider,
    collection: 'participants',
    fields: participantFields,
  } as Aggregate<ParticipantCommand, unknown>,
  relationship: {
    decider: relationshipDecider,
    collection: 'relationships',
    fields: relationshipFields,
  } as Aggregate<RelationshipCommand, unknown>,
  matchRun: { decider: matchRunDecider, collection: 'match_runs', fields: matchRunFields } as Aggregate<
    MatchRunCommand,
    unknown
  >,
} satisfies Record<AggregateKind, Aggregate<never, unknown>>;

/** Work that must succeed before the decided events are appended, e.g. claiming mentor capacity. */
export interface AppendHooks {
  beforeAppend(events: readonly TandemEvent[]): Promise<void>;
  appendFailed(events: readonly TandemEvent[]): Promise<void>;
}

interface CommandInput<C> {
  readonly tenantId: string;
  readonly id: string;
  readonly command: C;
  readonly expectedVersion?: number;
}

type CommandOf<K extends AggregateKind> = K extends 'program'
  ? ProgramCommand
  : K extends 'participant'
    ? ParticipantCommand
    : K extends 'relationship'
      ? RelationshipCommand
      : MatchRunCommand;

/**
 * Runs commands against aggregates (read → fold → decide → append with the expected version) and
 * brings the aggregate's read model up to date at once, for read-your-writes. The projector does
 * the same from Kafka, so a crash between the two still converges.
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
    hooks?: AppendHooks,
  ): Promise<HandledCommand<unknown>> {
    const aggregate = aggregates[kind] as Aggregate<CommandOf<K>, unknown>;
    const handled = hooks
      ? await this.decideAndAppend(aggregate, kind, input, hooks)
      : await handleCommand(this.store, aggregate.decider, {
          tenantId: input.tenantId,
          streamId: streams[kind](input.id),
          command: input.command,
          expectedVersion: input.expectedVersion,
        });
    if (handled.events.length > 0)
      await this.project(kind, input.tenantId, input.id, handled.state, handled.version);
    return handled;
  }

  /** Like handleCommand, with a side effect between deciding and appending (and its undo if the append fails). */
  private async decideAndAppend<C>(
    aggregate: Aggregate<C, unknown>,
    kind: AggregateKind,
    input: CommandInput<C>,
    hooks: AppendHooks,
  ): Promise<HandledCommand<unknown>> {
    const streamId = streams[kind](input.id);
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

  /** Re-folds a stream from the store and saves its snapshot (used by the projector and rebuilds). */
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
