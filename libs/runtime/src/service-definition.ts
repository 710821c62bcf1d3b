import type { Type } from '@nestjs/common';
import type { Context } from '@tandem/events';
import type { EventSubscription } from './events/event-subscription';

export interface ServiceDefinition {
  /** Short name: matching, goals, sessions, analytics. Also the API path segment. */
  readonly name: string;
  readonly defaultPort: number;
  /** The service's feature module: its slices, read models and subscribers. */
  readonly module: Type;
  /** The context whose topic this service writes through its outbox. */
  readonly publishes?: Context;
  readonly subscriptions?: readonly EventSubscription[];
}
