import type { TandemEvent } from './registry';

/** Who, where and when of a stored or published event: the CloudEvents attributes and Tandem's own. */
export interface EventMetadata {
  /** CloudEvents `id`: unique per event, the idempotency key downstream. */
  readonly id: string;
  /** CloudEvents `source`, e.g. `/tandem/matching`. */
  readonly source: string;
  /** CloudEvents `time`, ISO 8601. */
  readonly time: string;
  readonly subject?: string;
  readonly tenantId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  /** W3C trace context of the request that caused the event. */
  readonly traceparent?: string;
}

/** An event with its schema version and metadata: what the event store keeps and Kafka carries. */
export type EventEnvelope<E extends TandemEvent = TandemEvent> = E & {
  readonly version: number;
  readonly metadata: EventMetadata;
};

/** CloudEvents attribute names as they appear on the wire (Kafka headers drop the `ce_` prefix here). */
export const attributeNames = [
  'id',
  'source',
  'specversion',
  'type',
  'time',
  'subject',
  'tenantid',
  'version',
  'streamid',
  'streamversion',
  'traceparent',
] as const;

export type CloudEventAttributes = Partial<Record<(typeof attributeNames)[number], string>>;

export function toAttributes(envelope: EventEnvelope): CloudEventAttributes {
  const { metadata } = envelope;
  return {
    id: metadata.id,
    source: metadata.source,
    specversion: '1.0',
    type: envelope.type,
    time: metadata.time,
    ...(metadata.subject === undefined ? {} : { subject: metadata.subject }),
    tenantid: metadata.tenantId,
    version: String(envelope.version),
    streamid: metadata.streamId,
    streamversion: String(metadata.streamVersion),
    ...(metadata.traceparent === undefined ? {} : { traceparent: metadata.traceparent }),
  };
}
