import { withDatabase } from './test-infra';

describe('withDatabase', () => {
  it.each([
    [
      'mongodb://127.0.0.1:37017/?directConnection=true',
      'mongodb://127.0.0.1:37017/t1?directConnection=true',
    ],
    ['mongodb://127.0.0.1:37017', 'mongodb://127.0.0.1:37017/t1'],
    ['mongodb://a:1,b:2/old?replicaSet=rs0', 'mongodb://a:1,b:2/t1?replicaSet=rs0'],
    ['mongodb+srv://user:pw@cluster.example/admin', 'mongodb+srv://user:pw@cluster.example/t1'],
  ])('%s -> %s', (uri, expected) => {
    expect(withDatabase(uri, 't1')).toBe(expected);
  });

  it('refuses something that is not a MongoDB connection string', () => {
    expect(() => withDatabase('postgres://localhost/db', 't1')).toThrow('Not a MongoDB connection string');
  });
});
