import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first value the probe produces', async () => {
    let calls = 0;
    const value = await waitFor(() => (++calls >= 3 ? `ready after ${calls}` : undefined), {
      description: 'the third call',
      intervalMs: 1,
    });
    expect(value).toBe('ready after 3');
  });

  it('treats probe errors as not yet and reports the last one on timeout', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('still booting');
        },
        { description: 'a server', timeoutMs: 30, intervalMs: 5 },
      ),
    ).rejects.toThrow('Timed out after 30 ms waiting for a server (last error: still booting)');
  });
});
