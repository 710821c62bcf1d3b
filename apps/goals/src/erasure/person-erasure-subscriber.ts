import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import type { EventSubscriber } from '@tandem/runtime';
import { PersonTextsEraser } from './person-texts-eraser';

/** Erases a person's goal texts in a tenant when matching asks for it; every other event of matching's topic is ignored. */
@Injectable()
export class PersonErasureSubscriber implements EventSubscriber {
  constructor(private readonly eraser: PersonTextsEraser) {}

  async handle(event: EventEnvelope): Promise<void> {
    if (event.type !== 'matching.person.erasure-requested') return;
    const { requestId, userId } = event.data;
    await this.eraser.erase({ tenantId: event.metadata.tenantId, requestId, userId });
  }
}
