import { canonicalJson, fingerprintOf, parseIdempotencyKey, recordIdOf } from './idempotency-key';

describe('parseIdempotencyKey', () => {
  it('reads bare keys and structured-field strings', () => {
    expect(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toEqual({
      ok: true,
      key: '8e03978e-40d5-43e8-bc93-6894a57f9324',
    });
    expect(parseIdempotencyKey('"abc"')).toEqual({ ok: true, key: 'abc' });
    expect(parseIdempotencyKey('"a\\"b"')).toEqual({ ok: true, key: 'a"b' });
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each([[''], ['""'], ['a b'], ['é'], ['x'.repeat(256)], ['a\tb']])('refuses %j', (header) => {
    expect(parseIdempotencyKey(header)).toEqual({
      ok: false,
      problem: 'must be 1 to 255 visible ASCII characters',
    });
  });

  it('refuses the header given twice', () => {
    expect(parseIdempotencyKey(['a', 'b'])).toEqual({ ok: false, problem: 'must be given once' });
  });
});

describe('fingerprints and scopes', () => {
  it('sees the same body whatever the order of its keys, and a change anywhere as another request', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe(
      '{"a":{"c":3,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    const base = fingerprintOf('POST', '/api/x/v1/notes', { a: 1, b: 2 });
    expect(fingerprintOf('POST', '/api/x/v1/notes', { b: 2, a: 1 })).toBe(base);
    expect(fingerprintOf('POST', '/api/x/v1/notes', { a: 1, b: 3 })).not.toBe(base);
    expect(fingerprintOf('POST', '/api/x/v1/notes?x=1', { a: 1, b: 2 })).not.toBe(base);
    expect(fingerprintOf('PATCH', '/api/x/v1/notes', { a: 1, b: 2 })).not.toBe(base);
  });

  it('gives another record to another tenant, user, method or route', () => {
    const scope = { tenantId: 't', userId: 'u', method: 'POST', route: '/notes', key: 'k' };
    const ids = new Set([
      recordIdOf(scope),
      recordIdOf({ ...scope, tenantId: 't2' }),
      recordIdOf({ ...scope, userId: 'u2' }),
      recordIdOf({ ...scope, method: 'PATCH' }),
      recordIdOf({ ...scope, route: '/other' }),
    ]);
    expect(ids.size).toBe(5);
    expect(recordIdOf({ ...scope })).toBe(recordIdOf(scope));
  });
});
