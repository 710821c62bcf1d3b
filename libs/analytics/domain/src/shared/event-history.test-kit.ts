import type { EventData, TandemEventType } from '@tandem/events';
import type { RecordedEvent } from '../facts/recorded-event';

/** Builds one aggregate's stream of recorded events, numbering versions and stamping times. */
export function stream(name: string) {
  let version = 0;
  return <T extends TandemEventType>(type: T, data: EventData<T>, at: string): RecordedEvent =>
    ({ type, data, at, stream: name, streamVersion: ++version }) as RecordedEvent;
}

export const iso = (day: string, time = '09:00:00'): string => `${day}T${time}.000Z`;
