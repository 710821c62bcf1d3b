import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@tandem/auth';
import { EventStore } from '@tandem/eventstore';
import { DomainError } from '@tandem/kernel';
import { Clock } from '../infrastructure/clock';
import { ReadModels, written } from '../infrastructure/read-model-collections';
import { erasureRequestStream } from '../infrastructure/streams';
import { PeopleDirectory } from '../people/people-directory';
import { ErasureProgress, type ErasureRequestView } from './erasure-progress';

/** Submits erasure requests: the request is an event, and the services act on it from the topic. */
@Injectable()
export class ErasureRequests {
  constructor(
    private readonly store: EventStore,
    private readonly progress: ErasureProgress,
    private readonly directory: PeopleDirectory,
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
  ) {}

  /**
   * A person is known by their directory entry or, in a tenant without a directory, an enrolment;
   * anyone else is a 404 rather than a request that would erase nothing.
   */
  async submit(principal: Principal, userId: string): Promise<ErasureRequestView> {
    const { tenantId } = principal;
    const [person, enrolment] = await Promise.all([
      this.directory.find(tenantId, userId),
      this.readModels.forTenant(tenantId).participants.findOne({ userId }),
    ]);
    if (!person && !enrolment) throw new DomainError('person-not-found', 'Person not found', 'not-found');
    const requestId = randomUUID();
    const appended = await this.store.append(tenantId, erasureRequestStream(requestId), 0, [
      {
        type: 'matching.person.erasure-requested',
        data: { requestId, userId, by: principal.userId, requestedAt: this.clock.nowIso() },
      },
    ]);
    // Shown at once; the services' parts start from the topic (the relay publishes the event).
    for (const event of appended) await this.progress.record(event);
    return written(this.progress.find(tenantId, requestId));
  }
}
