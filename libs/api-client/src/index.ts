import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths as AnalyticsPaths } from './generated/analytics';
import type { paths as GoalsPaths } from './generated/goals';
import type { paths as MatchingPaths } from './generated/matching';
import type { paths as SessionsPaths } from './generated/sessions';

// Each service's generated `paths`, `components` and `operations` types, e.g. `matching.components['schemas']`.
export type * as analytics from './generated/analytics';
export type * as goals from './generated/goals';
export type * as matching from './generated/matching';
export type * as sessions from './generated/sessions';

/** The `paths` of each service's OpenAPI document, by service name. */
export interface TandemPaths {
  matching: MatchingPaths;
  goals: GoalsPaths;
  sessions: SessionsPaths;
  analytics: AnalyticsPaths;
}

export type TandemService = keyof TandemPaths;

/** An openapi-fetch client of one service: `GET`, `POST`… over its documented paths, typed end to end. */
export type TandemClient<S extends TandemService> = Client<TandemPaths[S]>;

/** A bearer token, or a function that gives the current one (called on every request, so a refreshed token is used). */
export type TokenSource = string | (() => string | Promise<string>);

export interface TandemClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Origin of the service, e.g. `http://127.0.0.1:3001`: the documented paths begin with `/api/<service>/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` on every request. */
  token: TokenSource;
}

/**
 * A typed client of one Tandem service (`service` chooses which document's paths it is typed with). Calls
 * answer `{ data, error, response }`: `data` for a documented success, `error` (problem details) otherwise.
 */
export function createTandemClient<S extends TandemService>(
  service: S,
  { token, ...options }: TandemClientOptions,
): TandemClient<S> {
  const client = createClient<TandemPaths[S]>(options);
  client.use({
    async onRequest({ request }) {
      const bearer = typeof token === 'string' ? token : await token();
      if (!bearer) throw new Error(`No token for the ${service} client`);
      request.headers.set('authorization', `Bearer ${bearer}`);
      return request;
    },
  });
  return client;
}
