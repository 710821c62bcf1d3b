import { Injectable } from '@nestjs/common';
import type { HandledCommand } from '@tandem/eventstore';
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
import {
  SnapshotAggregates,
  type AggregateCommand,
  type AppendHooks,
  type SnapshotAggregate,
} from '@tandem/runtime';
import { matchRunFields, participantFields, programFields, relationshipFields } from './aggregate-views';
import { streams, type AggregateKind } from './streams';

export type { AppendHooks } from '@tandem/runtime';

const aggregates = {
  program: {
    decider: programDecider,
    streamOf: streams.program,
    collection: 'programs',
    fields: programFields,
  },
  participant: {
    decider: participantDecider,
    streamOf: streams.participant,
    collection: 'participants',
    fields: participantFields,
  },
  relationship: {
    decider: relationshipDecider,
    streamOf: streams.relationship,
    collection: 'relationships',
    fields: relationshipFields,
  },
  matchRun: {
    decider: matchRunDecider,
    streamOf: streams.matchRun,
    collection: 'match_runs',
    fields: matchRunFields,
  },
} as Record<AggregateKind, SnapshotAggregate<unknown, unknown>>;

type CommandOf<K extends AggregateKind> = K extends 'program'
  ? ProgramCommand
  : K extends 'participant'
    ? ParticipantCommand
    : K extends 'relationship'
      ? RelationshipCommand
      : MatchRunCommand;

/** The matching aggregates by kind, over the runtime's snapshot-keeping command runner. */
@Injectable()
export class AggregateStore {
  constructor(private readonly aggregates: SnapshotAggregates) {}

  execute<K extends AggregateKind>(
    kind: K,
    input: AggregateCommand<CommandOf<K>>,
    hooks?: AppendHooks,
  ): Promise<HandledCommand<unknown>> {
    return this.aggregates.execute(aggregates[kind], input, hooks);
  }

  refresh(kind: AggregateKind, tenantId: string, id: string): Promise<void> {
    return this.aggregates.refresh(aggregates[kind], tenantId, id);
  }
}
