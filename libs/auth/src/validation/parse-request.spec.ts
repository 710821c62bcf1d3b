import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { parseBody, parseQuery } from './parse-request';
import { assertStrictSchema, LooseSchemaError } from './strict-schema';

const programBody = z.strictObject({
  name: z.string().min(1),
  settings: z.strictObject({ minimumScore: z.number().min(0).max(1) }).optional(),
});

const responseOf = (parse: () => unknown) => {
  try {
    parse();
  } catch (error) {
    if (error instanceof BadRequestException) return error.getResponse();
    throw error;
  }
  throw new Error('expected a 400');
};

describe('parseBody', () => {
  it('returns the parsed body', () => {
    expect(parseBody(programBody, { name: 'Pilot', settings: { minimumScore: 0.5 } })).toEqual({
      name: 'Pilot',
      settings: { minimumScore: 0.5 },
    });
  });

  it('refuses unknown keys such as tenantId, status or id, and names every failing field', () => {
    expect(
      responseOf(() =>
        parseBody(programBody, {
          name: 'x',
          tenantId: 'other',
          id: 'p',
          settings: { minimumScore: 2, status: 'open' },
        }),
      ),
    ).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'validation-failed',
      message: 'Invalid request body',
      fields: [
        { field: 'settings.minimumScore', code: 'too-big', message: expect.stringMatching(/<=1/) },
        { field: 'settings.status', code: 'not-allowed', message: 'is not allowed' },
        { field: 'tenantId', code: 'not-allowed', message: 'is not allowed' },
        { field: 'id', code: 'not-allowed', message: 'is not allowed' },
      ],
    });
  });

  it('refuses an operator object where a string is expected', () => {
    const response = responseOf(() => parseBody(programBody, JSON.parse('{"name": {"$ne": null}}'))) as {
      fields: unknown[];
    };
    expect(response.fields).toEqual([
      { field: 'name', code: 'invalid-type', message: expect.stringMatching(/expected string/) },
    ]);
  });

  it('refuses a body that is not an object', () => {
    expect(responseOf(() => parseBody(programBody, 'name=x'))).toMatchObject({
      fields: [{ field: '(root)' }],
    });
  });
});

describe('parseQuery', () => {
  const listQuery = z.strictObject({
    status: z.enum(['open', 'closed']).optional(),
    limit: z.coerce.number().int().max(100).default(20),
  });

  it('coerces and defaults', () => {
    expect(parseQuery(listQuery, { status: 'open', limit: '5' })).toEqual({ status: 'open', limit: 5 });
    expect(parseQuery(listQuery, undefined)).toEqual({ limit: 20 });
  });

  it('refuses bracket keys and repeated values', () => {
    expect(responseOf(() => parseQuery(listQuery, { 'status[$ne]': 'x' }))).toMatchObject({
      message: 'Invalid request query',
      fields: [{ field: 'status[$ne]', message: 'is not allowed' }],
    });
    expect(responseOf(() => parseQuery(listQuery, { status: ['open', 'closed'] }))).toMatchObject({
      fields: [{ field: 'status' }],
    });
  });
});

describe('assertStrictSchema', () => {
  it('refuses schemas with an object that would strip or pass unknown keys, naming where', () => {
    expect(() => assertStrictSchema(z.object({ a: z.string() }))).toThrow(LooseSchemaError);
    expect(() =>
      assertStrictSchema(z.strictObject({ items: z.array(z.object({ b: z.string() })).optional() })),
    ).toThrow(/at items\.\[\]/);
    expect(() =>
      assertStrictSchema(z.strictObject({ u: z.union([z.strictObject({}), z.looseObject({})]) })),
    ).toThrow(/at u/);
    expect(() => parseBody(z.object({}), {})).toThrow(LooseSchemaError);
  });

  it('accepts strict schemas through wrappers, unions, pipes and records', () => {
    const schema = z.strictObject({
      items: z.array(z.strictObject({ b: z.string() })).default([]),
      kind: z.discriminatedUnion('k', [
        z.strictObject({ k: z.literal('a') }),
        z.strictObject({ k: z.literal('b') }),
      ]),
      tags: z.record(z.string(), z.strictObject({ v: z.number() })).nullable(),
      n: z.string().transform(Number).pipe(z.number()),
    });
    expect(() => assertStrictSchema(schema)).not.toThrow();
  });
});
