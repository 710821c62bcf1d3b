import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import type { EventSubscriber } from '@tandem/runtime';
import {
  SESSION_STREAM_PREFIX,
  SessionViewProjection,
} from '../read-models/session-view/session-view-projection';

const ofSession = (event: EventEnvelope) => event.metadata.streamId.startsWith(SESSION_STREAM_PREFIX);

/** Keeps the session read model in step with the service's own topic (after crashes, in other replicas, on replays). */
@Injectable()
export class SessionsProjector implements EventSubscriber {
  constructor(private readonly sessions: SessionViewProjection) {}

  async handle(event: EventEnvelope): Promise<void> {
    await this.sessions.applyDelivered([event].filter(ofSession));
  }

  /** A fetched batch: mostly events the handlers projected already, found so with one read. */
  async handleBatch(events: readonly EventEnvelope[]): Promise<void> {
    await this.sessions.applyDelivered(events.filter(ofSession));
  }
}
