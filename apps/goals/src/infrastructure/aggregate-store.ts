import { Injectable } from '@nestjs/common';
import type { HandledCommand } from '@tandem/eventstore';
import {
  goalDecider,
  goalTemplateDecider,
  type GoalCommand,
  type GoalState,
  type GoalTemplateState,
  type PublishTemplate,
} from '@tandem/goals-domain';
import { SnapshotAggregates, type AggregateCommand, type SnapshotAggregate } from '@tandem/runtime';
import type { Document } from 'mongodb';
import { streams, type AggregateKind } from './streams';

const goalFields = (state: GoalState): Document | undefined =>
  state.status === 'none' ? undefined : { ...state };
const templateFields = (state: GoalTemplateState): Document | undefined =>
  state.status === 'none' ? undefined : { ...state };

const aggregates = {
  goal: { decider: goalDecider, streamOf: streams.goal, collection: 'goals', fields: goalFields },
  template: {
    decider: goalTemplateDecider,
    streamOf: streams.template,
    collection: 'goal_templates',
    fields: templateFields,
  },
} as unknown as Record<AggregateKind, SnapshotAggregate<unknown, unknown>>;

type CommandOf<K extends AggregateKind> = K extends 'goal' ? GoalCommand : PublishTemplate;

/** The goals aggregates by kind, over the runtime's snapshot-keeping command runner. */
@Injectable()
export class AggregateStore {
  constructor(private readonly aggregates: SnapshotAggregates) {}

  execute<K extends AggregateKind>(
    kind: K,
    input: AggregateCommand<CommandOf<K>>,
  ): Promise<HandledCommand<unknown>> {
    return this.aggregates.execute(aggregates[kind], input);
  }

  refresh(kind: AggregateKind, tenantId: string, id: string): Promise<void> {
    return this.aggregates.refresh(aggregates[kind], tenantId, id);
  }
}
