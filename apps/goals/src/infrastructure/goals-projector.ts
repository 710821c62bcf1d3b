import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import type { EventSubscriber } from '@tandem/runtime';
import { GoalViewProjection } from '../read-models/goal-view/goal-view-projection';
import { TemplateViewProjection } from '../read-models/template-view/template-view-projection';
import { parseStreamId } from './streams';

/** Keeps goal and template read models in step with the goals topic (after crashes, in other replicas, on replays). */
@Injectable()
export class GoalsProjector implements EventSubscriber {
  constructor(
    private readonly goals: GoalViewProjection,
    private readonly templates: TemplateViewProjection,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    const kind = parseStreamId(event.metadata.streamId)?.kind;
    if (kind === 'goal') await this.goals.apply(event);
    if (kind === 'template') await this.templates.apply(event);
  }
}
