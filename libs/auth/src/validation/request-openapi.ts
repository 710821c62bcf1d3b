import { ApiBody, ApiConsumes, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

/**
 * The JSON Schema (2020-12, the dialect of OpenAPI 3.1) of one side of a zod schema: `input` for what a
 * client sends (coerced query values and defaulted fields read as the client may write them), `output`
 * for what a service answers. Refinements and transforms have no JSON Schema; they are left out rather
 * than failing the document.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    // A reused part is written out again where it is used: references would resolve against the document.
    reused: 'inline',
    cycles: 'throw',
  }) as JsonSchema;
  if ('$defs' in jsonSchema)
    throw new Error('schemas with registered or recursive parts cannot be documented inline');
  return jsonSchema;
}

/** What a client sends: zod's input side. */
export const requestJsonSchema = (schema: z.ZodType): JsonSchema => jsonSchemaOf(schema, 'input');

type Method = (target: object, key: string | symbol, descriptor: PropertyDescriptor) => void;

/** Runs method decorators from a parameter decorator, on the method that parameter belongs to. */
function decorateMethod(target: object, key: string | symbol | undefined, decorators: Method[]): void {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) return;
  for (const decorate of decorators) decorate(target, key, descriptor);
}

/** Documents the body of the method whose parameter this decorates, as `mediaType` with the schema's input side. */
export function documentBody(schema: z.ZodType, mediaType: string): ParameterDecorator {
  return (target, key) =>
    decorateMethod(target, key, [
      ApiConsumes(mediaType) as Method,
      ApiBody({ required: true, schema: requestJsonSchema(schema) }) as Method,
    ]);
}

/** Documents each property of a query schema as a query parameter with its own schema. */
export function documentQuery(schema: z.ZodType): ParameterDecorator {
  const { properties = {}, required = [] } = requestJsonSchema(schema);
  const parameters = Object.entries(properties).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return ApiQuery({
      name,
      required: required.includes(name),
      schema: propertySchema,
      ...(typeof description === 'string' ? { description } : {}),
    }) as Method;
  });
  return (target, key) => decorateMethod(target, key, parameters);
}
