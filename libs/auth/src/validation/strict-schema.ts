import type { z } from 'zod';

/** A request schema with an object that does not reject unknown keys (use `z.strictObject`). */
export class LooseSchemaError extends Error {
  constructor(readonly path: string) {
    super(`request schemas must reject unknown keys: use z.strictObject at ${path || '(root)'}`);
    this.name = 'LooseSchemaError';
  }
}

interface SchemaDefinition {
  readonly type: string;
  readonly catchall?: z.ZodType;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly left?: z.ZodType;
  readonly right?: z.ZodType;
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly items?: readonly z.ZodType[];
  readonly rest?: z.ZodType | null;
}

const checked = new WeakSet<z.ZodType>();

const definitionOf = (schema: z.ZodType) => schema._zod.def as unknown as SchemaDefinition;

/** The schemas nested in `definition`, with the path segment each one stands at. */
function childrenOf(definition: SchemaDefinition): [string, z.ZodType][] {
  const children: [string, z.ZodType | null | undefined][] = [
    ...Object.entries(definition.shape ?? {}),
    ['', definition.innerType],
    ['[]', definition.element],
    ...(definition.options ?? []).map((option): [string, z.ZodType] => ['', option]),
    ['', definition.left],
    ['', definition.right],
    ['', definition.in],
    ['', definition.out],
    ['*', definition.valueType],
    ...(definition.items ?? []).map((item, index): [string, z.ZodType] => [`[${index}]`, item]),
    ['[]', definition.rest],
  ];
  return children.filter((child): child is [string, z.ZodType] => Boolean(child[1]));
}

/**
 * Checks, once per schema, that every object in it is strict, so a body can never smuggle
 * `tenantId`, `status` or `id` past validation. Lazy schemas are not followed.
 */
export function assertStrictSchema(schema: z.ZodType, path = ''): void {
  if (checked.has(schema)) return;
  const definition = definitionOf(schema);
  // Without a catchall zod strips unknown keys silently; strict objects have a `never` catchall.
  const unknownKeys = definition.catchall ? definitionOf(definition.catchall).type : 'strip';
  if (definition.type === 'object' && unknownKeys !== 'never') throw new LooseSchemaError(path);
  for (const [segment, child] of childrenOf(definition)) {
    assertStrictSchema(child, [path, segment].filter(Boolean).join('.'));
  }
  if (!path) checked.add(schema);
}
