import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import type { EventSubscriber } from '@tandem/runtime';
import { SESSION_STREAM_PREFIX, SessionStore } from './session-store';

/** Keeps session read models in step with the service's own topic (after crashes, in other replicas, on replays). */
@Injectable()
export class SessionsProjector implements EventSubscriber {
  constructor(private readonly sessions: SessionStore) {}

  async handle(event: EventEnvelope): Promise<void> {
    const { tenantId, streamId } = event.metadata;
    if (!streamId.startsWith(SESSION_STREAM_PREFIX)) return;
    await this.sessions.refresh(tenantId, streamId.slice(SESSION_STREAM_PREFIX.length));
  }
}
