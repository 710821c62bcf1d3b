import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceUnavailableException } from '@nestjs/common';
import { PeopleDirectoryClient } from './people-directory-client';

describe('PeopleDirectoryClient', () => {
  let server: Server;
  let base: string;
  const asked: { userIds: string[]; authorization?: string }[] = [];
  let status = 200;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const userIds = (url.searchParams.get('userIds') ?? '').split(',');
      asked.push({
        userIds,
        ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
      });
      response.writeHead(status, { 'content-type': 'application/json' });
      // The directory knows everyone but "stranger"; odd ids have a photo.
      const items = userIds
        .filter((id) => id !== 'stranger')
        .map((id, k) => ({
          userId: id,
          displayName: `Name of ${id}`,
          ...(k % 2 ? { photoUrl: `https://p/${id}` } : {}),
          active: true,
        }));
      response.end(JSON.stringify(status === 200 ? { items } : { title: 'nope' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    asked.length = 0;
    status = 200;
  });

  it("asks matching's directory with the caller's token, at most 100 people a request", async () => {
    const ids = Array.from({ length: 150 }, (_, k) => `u-${k}`);
    const names = await new PeopleDirectoryClient(base).names('Bearer caller', [...ids, 'u-0', 'stranger']);
    expect(asked.map((a) => a.userIds.length)).toEqual([100, 51]);
    expect(asked.every((a) => a.authorization === 'Bearer caller')).toBe(true);
    expect(Object.keys(names)).toHaveLength(150);
    expect(names['u-1']).toEqual({
      userId: 'u-1',
      displayName: 'Name of u-1',
      photoUrl: 'https://p/u-1',
      active: true,
    });
    expect(names['u-0']?.photoUrl).toBeNull();
    expect(names['stranger']).toBeUndefined();
  });

  it('asks nothing for nobody, and answers 503 when the directory cannot be asked', async () => {
    expect(await new PeopleDirectoryClient(undefined).names(undefined, [])).toEqual({});
    expect(asked).toEqual([]);
    await expect(new PeopleDirectoryClient(undefined).names('Bearer x', ['u-1'])).rejects.toThrow(
      /PEOPLE_DIRECTORY_URL is not set/,
    );
    status = 500;
    await expect(new PeopleDirectoryClient(base).names('Bearer x', ['u-1'])).rejects.toBeInstanceOf(
      ServiceUnavailableException,
    );
    await expect(new PeopleDirectoryClient('http://127.0.0.1:9').names('Bearer x', ['u-1'])).rejects.toThrow(
      /did not answer/,
    );
  });
});
