import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import { ErasureReport, type EventSubscriber } from '@tandem/runtime';

/**
 * Analytics' part of an erasure request. Its facts name the person only by their pseudonymous user
 * id, beside ids, codes and figures (events carry no names or free text), and every total is
 * counted from them: they stay, so there is no text of the person to erase here. What goes is the
 * stored answers of their own idempotent requests; then the report. Both steps are idempotent, so
 * a redelivery after a crash anywhere completes the request.
 */
@Injectable()
export class PersonEraser implements EventSubscriber {
  constructor(private readonly erasure: ErasureReport) {}

  async handle(event: EventEnvelope): Promise<void> {
    if (event.type !== 'matching.person.erasure-requested') return;
    const { requestId, userId } = event.data;
    const request = { tenantId: event.metadata.tenantId, requestId, userId };
    // No texts to look for: only the answers that were the person's own requests are shredded.
    await this.erasure.shredStoredAnswers(request, []);
    await this.erasure.report(request, 'analytics.person.erased', new Date());
  }
}
