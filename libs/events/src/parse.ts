import { z } from 'zod';
import { instant } from './catalogue/fields';
import type { CloudEventAttributes, EventEnvelope } from './envelope';
import { eventDefinition } from './registry';

export type EventParseErrorCode = 'invalid-envelope' | 'unknown-type' | 'unknown-version' | 'invalid-data';

export interface EventParseIssue {
  /** Dotted path of the failing field, prefixed by `attributes.` or `data.`. */
  readonly path: string;
  readonly message: string;
}

export interface EventParseError {
  readonly code: EventParseErrorCode;
  readonly message: string;
  readonly type?: string;
  readonly version?: number;
  readonly issues: readonly EventParseIssue[];
}

export type EventParseResult = { ok: true; event: EventEnvelope } | { ok: false; error: EventParseError };

/** A received event before validation: attributes as strings (headers), data as decoded JSON. */
export interface RawEvent {
  readonly attributes: CloudEventAttributes;
  readonly data: unknown;
}

const positiveInteger = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, 'must be a positive whole number')
  .transform(Number);

/** The envelope attributes `parseEvent` requires, as they arrive (strings); the event docs render it too. */
export const attributesSchema = z.object({
  id: z.string().min(1).max(200),
  source: z.string().min(1).max(500),
  specversion: z.literal('1.0'),
  type: z.string().min(1),
  time: instant,
  subject: z.string().max(500).optional(),
  tenantid: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be a tenant id'),
  version: positiveInteger,
  streamid: z.string().min(1).max(200),
  streamversion: positiveInteger,
  traceparent: z
    .string()
    .regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/, 'must be a W3C traceparent')
    .optional(),
});

const issuesOf = (error: z.ZodError, prefix: string): EventParseIssue[] =>
  error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));

function failure(code: EventParseErrorCode, message: string, extra: Partial<EventParseError> = {}): EventParseResult {
  return { ok: false, error: { code, message, issues: [], ...extra } };
}

/**
 * Validates a received event and upcasts it to the newest version of its type. Returns either a
 * whole, valid event or an error naming the failing fields; never a half-valid object.
 */
export function parseEvent(raw: RawEvent): EventParseResult {
  const attributes = attributesSchema.safeParse(raw.attributes);
  if (!attributes.success) {
    const issues = issuesOf(attributes.error, 'attributes');
    return failure('invalid-envelope', `invalid envelope: ${issues.map((i) => i.path).join(', ')}`, { issues });
  }
  const a = attributes.data;
  const definition = eventDefinition(a.type);
  if (!definition) return failure('unknown-type', `unknown event type "${a.type}"`, { type: a.type });
  const published = definition.versions.find((v) => v.version === a.version);
  if (!published) {
    return failure('unknown-version', `${a.type} has no version ${a.version} (newest: ${definition.version})`, {
      type: a.type,
      version: a.version,
    });
  }
  const data = published.schema.safeParse(raw.data);
  if (!data.success) {
    const issues = issuesOf(data.error, 'data');
    return failure('invalid-data', `invalid ${a.type} v${a.version}: ${issues.map((i) => i.path).join(', ')}`, {
      type: a.type,
      version: a.version,
      issues,
    });
  }
  let upcast: unknown;
  try {
    upcast = definition.upcast(a.version, data.data);
  } catch (error) {
    // An upcaster that cannot lift valid data is a bug in this library, but the record is still
    // undeliverable: report it like invalid data so the consumer dead-letters it instead of looping.
    const message = `cannot upcast ${a.type} v${a.version} to v${definition.version}: ${(error as Error).message}`;
    return failure('invalid-data', message, {
      type: a.type,
      version: a.version,
      issues: error instanceof z.ZodError ? issuesOf(error, 'data') : [],
    });
  }
  const event = {
    type: a.type,
    version: definition.version,
    data: upcast,
    metadata: {
      id: a.id,
      source: a.source,
      time: a.time,
      ...(a.subject === undefined ? {} : { subject: a.subject }),
      tenantId: a.tenantid,
      streamId: a.streamid,
      streamVersion: a.streamversion,
      ...(a.traceparent === undefined ? {} : { traceparent: a.traceparent }),
    },
  } as EventEnvelope;
  return { ok: true, event };
}

/** Validates data a producer is about to write, against the newest version of its type. */
export function validateEventData(type: string, data: unknown): { ok: true } | { ok: false; error: EventParseError } {
  const definition = eventDefinition(type);
  if (!definition) return { ok: false, error: { code: 'unknown-type', message: `unknown event type "${type}"`, type, issues: [] } };
  const result = definition.schema.safeParse(data);
  if (result.success) return { ok: true };
  const issues = issuesOf(result.error, 'data');
  return {
    ok: false,
    error: { code: 'invalid-data', message: `invalid ${type}: ${issues.map((i) => i.path).join(', ')}`, type, version: definition.version, issues },
  };
}
