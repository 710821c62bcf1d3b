import { z } from 'zod';

/** The bounded contexts that publish events; each has one topic. */
export const contexts = ['matching', 'goals', 'sessions', 'analytics'] as const;
export type Context = (typeof contexts)[number];

/** An older, published version of an event's data, and how to lift it one version up. */
export interface OlderVersion {
  readonly version: number;
  readonly schema: z.ZodType;
  /** Turns data valid for this version into data valid for version + 1. */
  readonly upcast: (data: never) => unknown;
}

export interface EventDefinition<Type extends string = string, Schema extends z.ZodType = z.ZodType> {
  readonly type: Type;
  readonly context: Context;
  /** The newest version: what producers write and consumers receive. */
  readonly version: number;
  readonly schema: Schema;
  /** Every version ever published, oldest first, the newest last. */
  readonly versions: readonly { readonly version: number; readonly schema: z.ZodType }[];
  /** Lifts `data` of `fromVersion` to the newest version; validates each step. */
  upcast(fromVersion: number, data: unknown): z.infer<Schema>;
}

const typeName = /^(matching|goals|sessions|analytics)\.[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/;

/**
 * Declares an event type: a stable `<context>.<aggregate>.<fact>` name, its newest schema and
 * version, and every older version with an upcaster to the next one.
 */
export function defineEvent<const Type extends string, Schema extends z.ZodType>(
  type: Type,
  latest: { version: number; schema: Schema },
  older: readonly OlderVersion[] = [],
): EventDefinition<Type, Schema> {
  if (!typeName.test(type)) throw new Error(`Event type "${type}" is not <context>.<aggregate>.<fact>`);
  const chain = [...older].sort((a, b) => a.version - b.version);
  // Versions are 1, 2, … with none missing: a consumer may meet any of them on a topic.
  const numbers = [...chain, latest].map((v) => v.version);
  if (numbers.some((version, i) => version !== i + 1)) {
    throw new Error(`${type}: versions must be consecutive from 1, got ${numbers.join(', ')}`);
  }
  const context = type.slice(0, type.indexOf('.')) as Context;

  return {
    type,
    context,
    version: latest.version,
    schema: latest.schema,
    versions: [...chain.map(({ version, schema }) => ({ version, schema })), latest],
    upcast(fromVersion, data) {
      if (!numbers.includes(fromVersion)) throw new Error(`${type} has no version ${fromVersion}`);
      let current: unknown = data;
      for (const step of chain.filter((s) => s.version >= fromVersion)) {
        current = step.upcast(step.schema.parse(current) as never);
      }
      return latest.schema.parse(current);
    },
  };
}

/** The `{ type, data }` of a definition's newest version. */
export type EventOf<D> =
  D extends EventDefinition<infer Type, infer Schema>
    ? { readonly type: Type; readonly data: z.infer<Schema> }
    : never;
