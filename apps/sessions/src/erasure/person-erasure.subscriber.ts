import { Injectable } from '@nestjs/common';
import type { EventEnvelope, TandemEvent } from '@tandem/events';
import type { EventSubscriber } from '@tandem/runtime';
import { PersonErasure } from './person-erasure';

/** Erases this service's part of a person's data when matching asks (`matching.person.erasure-requested`). */
@Injectable()
export class PersonErasureSubscriber implements EventSubscriber {
  constructor(private readonly erasure: PersonErasure) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    const event = envelope as unknown as TandemEvent;
    if (event.type !== 'matching.person.erasure-requested') return;
    const { requestId, userId } = event.data;
    await this.erasure.erase({ tenantId: envelope.metadata.tenantId, requestId, userId });
  }
}
