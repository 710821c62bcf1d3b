import { parseEvent, type EventEnvelope, type RawEvent, type TandemEvent } from '@tandem/events';
import { CorruptEventError } from './errors';
import type { CommitDocument, StoredEvent } from './storage';

export interface EnvelopeContext {
  readonly tenantId: string;
  readonly streamId: string;
  readonly source: string;
}

/** A stored event as the CloudEvents attributes and data it was written with (no parsing). */
export function rawEventOf(
  commit: Pick<CommitDocument, 'tenantId' | 'streamId' | 'source'>,
  stored: StoredEvent,
): RawEvent {
  return {
    attributes: {
      id: stored.id,
      source: commit.source,
      specversion: '1.0',
      type: stored.type,
      time: stored.time,
      subject: stored.subject,
      tenantid: commit.tenantId,
      version: String(stored.version),
      streamid: commit.streamId,
      streamversion: String(stored.streamVersion),
      traceparent: stored.traceparent,
    },
    data: stored.data,
  };
}

/** Reads a stored event back as the newest version of its type (upcasting older ones). */
export function envelopeOf(
  commit: Pick<CommitDocument, 'tenantId' | 'streamId' | 'source'>,
  stored: StoredEvent,
): EventEnvelope {
  const parsed = parseEvent(rawEventOf(commit, stored));
  if (!parsed.ok) throw new CorruptEventError(`stored event ${stored.id}: ${parsed.error.message}`);
  return parsed.event;
}

/**
 * The envelope of an event this store has just validated and written at its type's newest version:
 * built from the stored fields without parsing them again (nothing to upcast, nothing to check).
 */
export function appendedEnvelopeOf(commit: Pick<CommitDocument, 'tenantId' | 'streamId' | 'source'>, stored: StoredEvent) {
  return {
    type: stored.type,
    version: stored.version,
    data: stored.data,
    metadata: {
      id: stored.id,
      source: commit.source,
      time: stored.time,
      ...(stored.subject === undefined ? {} : { subject: stored.subject }),
      tenantId: commit.tenantId,
      streamId: commit.streamId,
      streamVersion: stored.streamVersion,
      ...(stored.traceparent === undefined ? {} : { traceparent: stored.traceparent }),
    },
  } as EventEnvelope;
}

export function storedEventOf(
  event: TandemEvent,
  fields: {
    id: string;
    version: number;
    time: string;
    streamVersion: number;
    subject?: string;
    traceparent?: string;
  },
): StoredEvent {
  return {
    id: fields.id,
    type: event.type,
    version: fields.version,
    // As JSON: optional fields left undefined would otherwise be stored as null and fail the schema on read.
    data: JSON.parse(JSON.stringify(event.data)) as StoredEvent['data'],
    time: fields.time,
    streamVersion: fields.streamVersion,
    ...(fields.subject === undefined ? {} : { subject: fields.subject }),
    ...(fields.traceparent === undefined ? {} : { traceparent: fields.traceparent }),
  };
}
