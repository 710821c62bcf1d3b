import { PeriodicTask } from './periodic-task';

// Lets promise callbacks run (a settled run passes through then/catch/finally).
const settle = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs on its interval without overlapping itself, and stop waits for the run in hand', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const task = new PeriodicTask('test', () => {
      runs += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    task.start(1000);
    jest.advanceTimersByTime(3500);
    expect(runs).toBe(1); // the first run has not finished: no second one starts
    release();
    await settle();
    jest.advanceTimersByTime(1000);
    expect(runs).toBe(2);
    const stopped = task.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    release();
    await stopped;
    jest.advanceTimersByTime(5000);
    expect(runs).toBe(2);
  });

  it('stays off for a non-positive interval', () => {
    const work = jest.fn(async () => undefined);
    new PeriodicTask('off', work).start(0);
    jest.advanceTimersByTime(10_000);
    expect(work).not.toHaveBeenCalled();
  });
});
