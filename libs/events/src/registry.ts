import { contexts, type Context, type EventDefinition, type EventOf } from './define-event';
import { analyticsEvents } from './catalogue/analytics';
import { goalsEvents } from './catalogue/goals';
import { matchingEvents } from './catalogue/matching';
import { sessionsEvents } from './catalogue/sessions';

/** Every event type Tandem publishes. Adding one here puts it in the docs and the compatibility test. */
export const eventCatalogue = [
  ...matchingEvents,
  ...goalsEvents,
  ...sessionsEvents,
  ...analyticsEvents,
] as const;

type Catalogue = (typeof eventCatalogue)[number];

/** Any Tandem event, newest version, as `{ type, data }`; narrow it with a switch on `type`. */
export type TandemEvent = EventOf<Catalogue>;
export type TandemEventType = TandemEvent['type'];
export type EventData<T extends TandemEventType> = Extract<TandemEvent, { type: T }>['data'];

const byType = new Map<string, EventDefinition>(
  eventCatalogue.map((definition) => [definition.type, definition]),
);
if (byType.size !== eventCatalogue.length) throw new Error('Two event definitions share a type name');

export function eventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}

/** `tandem.<context>.events`: one topic per producing context, keyed by stream id. */
export function topicOf(context: Context): string {
  return `tandem.${context}.events`;
}

export function topicOfType(type: TandemEventType): string {
  return topicOf(type.slice(0, type.indexOf('.')) as Context);
}

/** Where a consumer of `topic` parks messages it cannot process. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

export const eventTopics = contexts.map(topicOf);
