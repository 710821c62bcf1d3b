import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import type { EventSubscriber } from '@tandem/runtime';
import { AggregateStore } from './aggregate-store';
import { parseStreamId } from './streams';

/** Keeps goal and template read models in step with the goals topic (after crashes, in other replicas, on replays). */
@Injectable()
export class GoalsProjector implements EventSubscriber {
  constructor(private readonly aggregates: AggregateStore) {}

  async handle(event: EventEnvelope): Promise<void> {
    const aggregate = parseStreamId(event.metadata.streamId);
    if (aggregate) await this.aggregates.refresh(aggregate.kind, event.metadata.tenantId, aggregate.id);
  }
}
