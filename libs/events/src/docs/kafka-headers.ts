import { z } from 'zod';
import { attributeNames } from '../envelope';
import { attributesSchema } from '../parse';

// Rendered from the schema parseEvent checks attributes with, so the documented headers cannot
// drift from the checked ones; only the prose lives here.

type AttributeName = (typeof attributeNames)[number];

const descriptions: Record<AttributeName, string> = {
  id: 'CloudEvents id: unique per event; consumers deduplicate on it.',
  source: 'CloudEvents source: the producing service, e.g. /tandem/matching.',
  specversion: 'CloudEvents spec version.',
  type: 'The event type, <context>.<aggregate>.<fact>.',
  time: 'When the fact happened, ISO 8601 with offset.',
  subject: 'CloudEvents subject: what the event is about within its source (optional).',
  tenantid: 'The tenant the event belongs to; every read and write is scoped by it.',
  version: 'Schema version of the data in the value; parseEvent upcasts older versions to the newest.',
  streamid: 'The event-sourced stream (aggregate) the event belongs to; also the record key.',
  streamversion: "The event's position in its stream, from 1; projections apply only the next one.",
  traceparent: 'W3C trace context of the request that caused the event (optional).',
};

interface ObjectSchema {
  readonly properties: Readonly<Record<string, Record<string, unknown>>>;
  readonly required: readonly string[];
}

function renderedAttributes(): ObjectSchema {
  // 'input': headers are strings on the wire; parse.ts turns the numeric ones into numbers.
  return z.toJSONSchema(attributesSchema, {
    io: 'input',
    target: 'draft-7',
    unrepresentable: 'throw',
  }) as unknown as ObjectSchema;
}

function attribute(
  attributes: ObjectSchema,
  name: AttributeName,
  description: string,
): Record<string, unknown> {
  const schema = attributes.properties[name];
  if (!schema) throw new Error(`parse.ts no longer checks the "${name}" attribute: update the event docs`);
  return { ...schema, description };
}

/** The headers of a CloudEvents Kafka binary-mode record: every attribute as `ce_<name>`, plus content-type. */
export function kafkaHeadersSchema(): Record<string, unknown> {
  const attributes = renderedAttributes();
  const headers = attributeNames.map((name) => [
    `ce_${name}`,
    attribute(attributes, name, descriptions[name]),
  ]);
  return {
    type: 'object',
    description: 'CloudEvents 1.0 Kafka binary mode: the attributes travel as ce_* headers (UTF-8 strings).',
    properties: {
      ...Object.fromEntries(headers),
      'content-type': {
        type: 'string',
        const: 'application/json',
        description: 'The value is the data as JSON.',
      },
    },
    required: [...attributes.required.map((name) => `ce_${name}`), 'content-type'],
  };
}

/** The record key: the stream id, so that one aggregate's events share a partition and stay in order. */
export function recordKeySchema(): Record<string, unknown> {
  const description = 'The stream id (the same as ce_streamid): one stream, one partition, in order.';
  return attribute(renderedAttributes(), 'streamid', description);
}
