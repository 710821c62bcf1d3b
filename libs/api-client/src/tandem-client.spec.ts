import { createTandemClient } from './index';

/** A fetch that records each request and answers it with `body`. */
function recordingFetch(body: unknown) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return { requests, fetch };
}

describe('createTandemClient', () => {
  it("calls the service's documented paths under baseUrl with the token as a bearer", async () => {
    const { requests, fetch } = recordingFetch({ items: [] });
    const matching = createTandemClient('matching', { baseUrl: 'http://matching.test', token: 't-1', fetch });

    const { data } = await matching.GET('/api/matching/v1/relationships', {
      params: { query: { programId: 'p-1' } },
    });

    expect(data).toEqual({ items: [] });
    expect(requests[0]!.url).toBe('http://matching.test/api/matching/v1/relationships?programId=p-1');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer t-1');
  });

  it('asks a token function on every request, so a refreshed token is used', async () => {
    const { requests, fetch } = recordingFetch({ items: [] });
    let issued = 0;
    const sessions = createTandemClient('sessions', {
      baseUrl: 'http://sessions.test',
      token: async () => `t-${++issued}`,
      fetch,
    });

    await sessions.GET('/api/sessions/v1/sessions');
    await sessions.GET('/api/sessions/v1/sessions');

    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer t-1',
      'Bearer t-2',
    ]);
  });

  it('sends nothing without a token', async () => {
    const { requests, fetch } = recordingFetch({});
    const goals = createTandemClient('goals', { baseUrl: 'http://goals.test', token: () => '', fetch });

    await expect(goals.GET('/api/goals/v1/goals')).rejects.toThrow('No token for the goals client');
    expect(requests).toEqual([]);
  });
});
