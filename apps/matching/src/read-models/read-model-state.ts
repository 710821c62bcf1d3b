import type { EventEnvelope } from '@tandem/events';
import type { Projected } from '../infrastructure/views';

/** A read-model document as its evolve sees it: without `_id` and what `applyOnce` keeps. */
export type ViewState<View> = Omit<View, '_id' | keyof Projected>;

/** The envelope of one event type, for evolve helpers that handle a single case. */
export type EnvelopeOf<T extends EventEnvelope['type']> = Extract<EventEnvelope, { type: T }>;

/** Every evolve stamps the stream version it applied: the ETag, and 0 = not visible yet. */
export const stamped = <S extends { version: number }>(state: S, event: EventEnvelope): S => ({
  ...state,
  version: event.metadata.streamVersion,
});

/** An event before the one that creates its document: cannot happen in stream order, so a bug. */
export function missingDocument(event: EventEnvelope): never {
  throw new Error(`${event.type} for ${event.metadata.streamId} arrived before its document exists`);
}
