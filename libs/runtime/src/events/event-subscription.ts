import type { Type } from '@nestjs/common';
import type { Context, EventEnvelope } from '@tandem/events';

/** A provider that consumes events (a projection, a policy). Must be idempotent: redelivery happens. */
export interface EventSubscriber {
  handle(event: EventEnvelope): Promise<void>;
  /**
   * Optional: a partition's fetched batch at once (e.g. with `applyOnceMany`), idempotent like
   * `handle`. If it fails, the batch's events go through `handle` one by one.
   */
  handleBatch?(events: readonly EventEnvelope[]): Promise<void>;
}

/** One consumer group of a service: `<topic prefix>tandem-<service>-<name>`, reading the given contexts' topics. */
export interface EventSubscription {
  readonly name: string;
  readonly contexts: readonly Context[];
  /** Resolved from the service's module, so it can inject what it needs. */
  readonly subscriber: Type<EventSubscriber>;
}
