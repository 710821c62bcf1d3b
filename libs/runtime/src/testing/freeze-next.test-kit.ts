import { waitFor } from '@tandem/testing';

/**
 * Crash-point tests: freezes the next call of `target[method]` until `kill()`, which fails it the way
 * a process killed at that point would leave things (the step never completes, nothing after it runs).
 */
export function freezeNext<T extends object>(target: T, method: keyof T & string) {
  let kill: (() => void) | undefined;
  const spy = jest.spyOn(target, method as never).mockImplementationOnce(
    (() =>
      new Promise((_, reject) => {
        kill = () => reject(new Error('process killed'));
      })) as never,
  );
  return {
    spy,
    reached: () => waitFor(() => kill !== undefined, { description: `${method} reached`, timeoutMs: 30_000 }),
    kill: () => kill?.(),
  };
}
