import { ServiceUnavailableException } from '@nestjs/common';
import type { z } from 'zod';
import { getWithCallerToken } from './caller-token-get';
import type { personNameSchema } from './people-names-schema';

/** How a person is shown on another service's screens (the matching service's directory decides). */
export type PersonName = z.output<typeof personNameSchema>;

/** The directory answers at most this many people per request. */
const PER_REQUEST = 100;
const TIMEOUT_MS = 3_000;

/**
 * Names for `include=people` in services other than matching: asked of the matching service's
 * `GET /people` with the caller's own token, so a caller sees only their tenant's people and
 * nothing here keeps a copy that erasure would have to find. A read, never on a write path.
 */
export class PeopleDirectoryClient {
  /** `baseUrl`: the matching service (PEOPLE_DIRECTORY_URL); none answers 503 when names are asked for. */
  constructor(private readonly baseUrl: string | undefined) {}

  /** By user id; people the directory does not know are left out. 503 when it cannot be asked. */
  async names(
    authorization: string | undefined,
    userIds: Iterable<string>,
  ): Promise<Record<string, PersonName>> {
    const wanted = [...new Set(userIds)];
    if (wanted.length === 0) return {};
    const base = this.baseUrl;
    if (!base)
      throw new ServiceUnavailableException('Names are not available: PEOPLE_DIRECTORY_URL is not set');
    const names: Record<string, PersonName> = {};
    for (let start = 0; start < wanted.length; start += PER_REQUEST) {
      const ids = wanted.slice(start, start + PER_REQUEST);
      const items = await this.ask(base, authorization, ids);
      for (const item of items)
        names[item.userId] = {
          userId: item.userId,
          displayName: item.displayName ?? null,
          photoUrl: item.photoUrl ?? null,
          active: item.active,
        };
    }
    return names;
  }

  private async ask(base: string, authorization: string | undefined, userIds: string[]) {
    const body = await getWithCallerToken<{
      items: { userId: string; displayName?: string; photoUrl?: string; active: boolean }[];
    }>(`${base}/api/matching/v1/people?userIds=${encodeURIComponent(userIds.join(','))}`, authorization, {
      what: 'Names are',
      from: 'the people directory',
      timeoutMs: TIMEOUT_MS,
    });
    return body.items;
  }
}
