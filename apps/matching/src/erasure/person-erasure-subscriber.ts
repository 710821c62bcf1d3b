import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import { ErasureReport, type EventSubscriber } from '@tandem/runtime';
import { Clock } from '../infrastructure/clock';
import { ErasureProgress } from './erasure-progress';
import { MatchingPersonEraser } from './matching-person-eraser';

/**
 * The erasure process manager: on a request, matching erases its own part and reports it; every
 * service's report moves the request's progress. Driven by the topics, so a crash anywhere is
 * finished by the redelivery, and a service that is down does its part when it is back.
 */
@Injectable()
export class PersonErasureSubscriber implements EventSubscriber {
  constructor(
    private readonly progress: ErasureProgress,
    private readonly eraser: MatchingPersonEraser,
    private readonly report: ErasureReport,
    private readonly clock: Clock,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    if (!(await this.progress.record(event))) return;
    if (event.type !== 'matching.person.erasure-requested') return;
    const erasure = {
      tenantId: event.metadata.tenantId,
      requestId: event.data.requestId,
      userId: event.data.userId,
    };
    await this.report.shredStoredAnswers(erasure, await this.eraser.textsOf(erasure));
    await this.eraser.erase(erasure, this.clock.now());
    await this.report.report(erasure, 'matching.person.erased', this.clock.now());
  }
}
