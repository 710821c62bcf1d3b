import { attributeNames, toAttributes, type CloudEventAttributes, type EventEnvelope } from './envelope';
import type { RawEvent } from './parse';

/** A Kafka record without a client library's types (this library imports no Kafka client). */
export interface BinaryKafkaRecord {
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

type HeaderValue = string | Buffer | (string | Buffer)[] | undefined;

/** CloudEvents Kafka binary mode: attributes in `ce_*` headers, data as the JSON value, keyed by stream. */
export function toKafkaRecord(envelope: EventEnvelope): BinaryKafkaRecord {
  return rawToKafkaRecord({ attributes: toAttributes(envelope), data: envelope.data });
}

/**
 * The same for an event as stored (already validated when it was written; consumers upcast on
 * read), without parsing it again: what an outbox relay publishes.
 */
export function rawToKafkaRecord(raw: RawEvent): BinaryKafkaRecord {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const [name, value] of Object.entries(raw.attributes)) {
    if (value !== undefined) headers[`ce_${name}`] = value;
  }
  return { key: raw.attributes.streamid ?? '', value: JSON.stringify(raw.data), headers };
}

export type KafkaDecodeResult = { ok: true; raw: RawEvent } | { ok: false; message: string };

/** Reads a binary-mode record back into a RawEvent for `parseEvent`. */
export function fromKafkaRecord(record: {
  value: Buffer | string | null;
  headers?: Record<string, HeaderValue>;
}): KafkaDecodeResult {
  const attributes: CloudEventAttributes = {};
  for (const name of attributeNames) {
    const header = record.headers?.[`ce_${name}`];
    const first = Array.isArray(header) ? header[0] : header;
    if (first !== undefined) attributes[name] = first.toString();
  }
  if (record.value === null) return { ok: false, message: 'record has no value (tombstone)' };
  try {
    return { ok: true, raw: { attributes, data: JSON.parse(record.value.toString()) } };
  } catch (error) {
    return { ok: false, message: `value is not JSON: ${(error as Error).message}` };
  }
}
