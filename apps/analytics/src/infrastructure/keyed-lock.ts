/**
 * Runs tasks one at a time per key inside this process. FerretDB (SQLite) evaluates an update's
 * filter and its write in two steps, so the revision guard alone cannot stop two writers of the
 * same fact in one process (the live projector and a rebuild) from both winning.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
