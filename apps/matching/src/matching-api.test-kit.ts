import type { INestApplication } from '@nestjs/common';
import { createTestIssuer, type TestIssuer } from '@tandem/auth/testing';
import type { EventEnvelope } from '@tandem/events';
import { topicOf } from '@tandem/events';
import { EventConsumer } from '@tandem/messaging';
import { createServiceApp, loadServiceConfig, MongoConnection } from '@tandem/runtime';
import { testInfra, uniqueName, waitFor } from '@tandem/testing';
import { matchingService } from './matching.module';

// Response bodies of many shapes, asserted field by field in the specs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface ApiResponse<T = Json> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface ApiClient {
  readonly userId: string;
  get<T = Json>(path: string): Promise<ApiResponse<T>>;
  post<T = Json>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  patch<T = Json>(path: string, body: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  send<T = Json>(method: string, path: string, body: string, contentType: string): Promise<ApiResponse<T>>;
}

export interface MatchingApi {
  readonly url: string;
  readonly app: INestApplication;
  readonly topic: string;
  as(tenant: string, userId: string, roles: string[]): ApiClient;
  /** Events of the matching topic seen so far (with `consumeEvents`, read from the beginning). */
  readonly events: EventEnvelope[];
  waitForEvents(predicate: (events: EventEnvelope[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Boots the matching service on the real local Kafka and FerretDB, with a test token issuer. */
export async function startMatchingApi({
  env = {},
  consumeEvents = false,
}: { env?: Record<string, string>; consumeEvents?: boolean } = {}): Promise<MatchingApi> {
  const infra = testInfra();
  const issuer: TestIssuer = await createTestIssuer();
  const prefix = `${uniqueName('mt')}.`;
  const config = loadServiceConfig('matching', 0, {
    MONGODB_URI: infra.mongoUri(uniqueName('matching')),
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '1',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...issuer.env,
    ...env,
  });
  const app = await createServiceApp(matchingService, config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const topic = `${prefix}${topicOf('matching')}`;
  const events: EventEnvelope[] = [];
  const consumer = consumeEvents
    ? new EventConsumer({
        connection: { brokers: infra.kafkaBrokers, clientId: uniqueName('matching_spec') },
        groupId: uniqueName('matching_spec'),
        topics: [topic],
        fromBeginning: true,
        handler: async (event) => void events.push(event),
      })
    : undefined;
  await consumer?.start();

  const request = async (
    token: string,
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${url}/api/matching/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };
  return {
    url,
    app,
    topic,
    events,
    as(tenant, userId, roles) {
      const token = issuer.token({ tenant, sub: userId, roles });
      const json = { 'content-type': 'application/json' };
      return {
        userId,
        get: async (path) => request(await token, 'GET', path),
        post: async (path, body = {}, headers = {}) =>
          request(await token, 'POST', path, JSON.stringify(body), { ...json, ...headers }),
        patch: async (path, body, headers = {}) =>
          request(await token, 'PATCH', path, JSON.stringify(body), { ...json, ...headers }),
        send: async (method, path, body, contentType) =>
          request(await token, method, path, body, { 'content-type': contentType }),
      };
    },
    async waitForEvents(predicate, timeoutMs = 30_000) {
      await waitFor(() => predicate(events), { timeoutMs, description: 'matching events on Kafka' });
    },
    async close() {
      await consumer?.stop();
      await app.get(MongoConnection).db.dropDatabase();
      await app.close();
    },
  };
}
