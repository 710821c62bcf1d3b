import { KeyedMutex } from './keyed-mutex';

describe('KeyedMutex', () => {
  it('runs tasks of one key one after another, in call order, even when one fails', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const task = (name: string, fail = false) => async () => {
      log.push(`start ${name}`);
      await Promise.resolve();
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([mutex.run('a', task('1')), mutex.run('a', task('2', true)), mutex.run('a', task('3'))]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('lets different keys overlap', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    let release = () => {};
    const blocker = new Promise<void>((resolve) => (release = resolve));
    const slow = mutex.run('a', async () => {
      log.push('a started');
      await blocker;
      log.push('a done');
    });
    await mutex.run('b', async () => void log.push('b ran'));
    release();
    await slow;
    expect(log).toEqual(['a started', 'b ran', 'a done']);
  });
});
