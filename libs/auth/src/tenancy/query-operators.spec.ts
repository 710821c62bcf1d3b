import { ObjectId } from 'mongodb';
import { assertSafeFilter, queryOperator, UnsafeFilterError } from './query-operators';

const refusedField = (filter: unknown) => {
  try {
    assertSafeFilter(filter);
  } catch (error) {
    if (error instanceof UnsafeFilterError) return error.field;
    throw error;
  }
  return undefined;
};

describe('assertSafeFilter', () => {
  it('refuses operators that arrive as data, naming where they are', () => {
    expect(refusedField({ status: { $ne: null } })).toBe('status.$ne');
    expect(refusedField(JSON.parse('{"$where": "sleep(1000)"}'))).toBe('$where');
    expect(refusedField({ profile: { skills: [{ $gt: '' }] } })).toBe('profile.skills.0.$gt');
    expect(refusedField({ $or: [{ a: 1 }] })).toBe('$or');
  });

  it('accepts plain values, dates, ids and operators built in code', () => {
    expect(
      refusedField({ id: 'p-1', at: new Date(0), _id: new ObjectId(), count: 3, flag: null }),
    ).toBeUndefined();
    expect(refusedField({ status: queryOperator({ $in: ['open', 'launched'] }) })).toBeUndefined();
    expect(
      refusedField(queryOperator({ $or: [{ a: 1 }, { b: queryOperator({ $exists: true }) }] })),
    ).toBeUndefined();
  });

  it('still refuses untrusted operators nested inside a trusted one', () => {
    expect(refusedField(queryOperator({ $or: [{ a: { $ne: 1 } }] }))).toBe('$or.0.a.$ne');
  });

  it('answers 400 naming the field', () => {
    expect(new UnsafeFilterError('status.$ne').getResponse()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request',
      fields: [{ field: 'status.$ne', message: 'query operators are not accepted' }],
    });
  });
});
