import { bearerTokenOf } from './bearer-token';

describe('bearerTokenOf', () => {
  it('reads the token of a Bearer authorization header, any case of the scheme', () => {
    expect(bearerTokenOf('Bearer a.b.c')).toBe('a.b.c');
    expect(bearerTokenOf('bearer  a-_.b.c')).toBe('a-_.b.c');
  });

  it('finds nothing in other schemes, lists, oversized or odd values', () => {
    expect(bearerTokenOf(undefined)).toBeUndefined();
    expect(bearerTokenOf('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerTokenOf(['Bearer a.b.c'])).toBeUndefined();
    expect(bearerTokenOf('Bearer a.b.c extra')).toBeUndefined();
    expect(bearerTokenOf(`Bearer ${'a'.repeat(20_000)}`)).toBeUndefined();
    expect(bearerTokenOf('Bearer ')).toBeUndefined();
  });
});
