import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createTestIssuer } from '@tandem/auth/testing';
import {
  toKafkaRecord,
  topicOf,
  topicOfType,
  type Context,
  type EventData,
  type EventEnvelope,
  type TandemEventType,
} from '@tandem/events';
import { createKafkaClient, EventConsumer } from '@tandem/messaging';
import { testInfra, uniqueName, waitFor } from '@tandem/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadServiceConfig } from '../config/service-config';
import { MongoConnection } from '../mongo/mongo-connection';
import { createServiceApp } from '../service-app';
import { OpenApiContract } from './openapi-contract.test-kit';
import type { ServiceDefinition } from '../service-definition';

// Response bodies of many shapes, asserted field by field in the specs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface ApiResponse<T = Json> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** Calls the service's API (`/api/<service>/v1…`) with a token for one tenant, user and roles. */
export interface ApiClient {
  readonly userId: string;
  get<T = Json>(path: string): Promise<ApiResponse<T>>;
  post<T = Json>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  patch<T = Json>(path: string, body: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  delete<T = Json>(path: string): Promise<ApiResponse<T>>;
  send<T = Json>(method: string, path: string, body: string, contentType: string): Promise<ApiResponse<T>>;
}

export interface ServiceApi {
  readonly url: string;
  readonly app: INestApplication;
  /** Topic prefix of this test's service: its topics are `${prefix}tandem.<context>.events`. */
  readonly prefix: string;
  as(tenant: string, userId: string, roles: string[]): ApiClient;
  /** A bearer token the service accepts, for tools that make their own requests. */
  token(tenant: string, userId: string, roles: string[]): Promise<string>;
  /** Events read from `consumeContexts` topics (from the beginning) so far. */
  readonly events: EventEnvelope[];
  waitForEvents(predicate: (events: EventEnvelope[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Publishes events onto this test's topics as another service's relay would (to feed subscriptions). */
  publish(events: readonly EventEnvelope[]): Promise<void>;
  close(): Promise<void>;
}

export interface ServiceApiOptions {
  readonly env?: Record<string, string>;
  /** Contexts whose topics the test reads into `events`. */
  readonly consumeContexts?: readonly Context[];
}

/** Boots a service on the real local Kafka and MongoDB-compatible server with a test token issuer, on its own topics and database. */
export async function startServiceApi(
  definition: ServiceDefinition,
  { env = {}, consumeContexts = [] }: ServiceApiOptions = {},
): Promise<ServiceApi> {
  const infra = testInfra();
  const issuer = await createTestIssuer();
  const prefix = `${uniqueName(definition.name.slice(0, 3))}.`;
  const config = loadServiceConfig(definition.name, 0, {
    MONGODB_URI: infra.mongoUri(uniqueName(definition.name)),
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '1',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...issuer.env,
    ...env,
  });
  const app = await createServiceApp(definition, config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const connection = { brokers: infra.kafkaBrokers, clientId: uniqueName(`${definition.name}_spec`) };
  const contract = lazyContract(`${url}/api/${definition.name}/docs/openapi.json`);
  const events: EventEnvelope[] = [];
  const consumer =
    consumeContexts.length === 0
      ? undefined
      : new EventConsumer({
          connection,
          groupId: uniqueName(`${definition.name}_spec`),
          topics: consumeContexts.map((context) => `${prefix}${topicOf(context)}`),
          fromBeginning: true,
          handler: async (event) => void events.push(event),
        });
  await consumer?.start();
  const producer = createKafkaClient(connection).producer({ allowAutoTopicCreation: true });
  let producerConnected = false;

  return {
    url,
    app,
    prefix,
    events,
    as: (tenant, userId, roles) =>
      createApiClient(url, definition.name, userId, issuer.token({ tenant, sub: userId, roles }), contract),
    token: (tenant, userId, roles) => issuer.token({ tenant, sub: userId, roles }),
    async waitForEvents(predicate, timeoutMs = 30_000) {
      await waitFor(() => predicate(events), {
        timeoutMs,
        description: `events on ${consumeContexts.join(', ')} topics`,
      });
    },
    async publish(toPublish) {
      if (!producerConnected) await producer.connect();
      producerConnected = true;
      for (const event of toPublish) {
        await producer.send({
          topic: `${prefix}${topicOfType(event.type as TandemEventType)}`,
          acks: -1,
          messages: [toKafkaRecord(event)],
        });
      }
    },
    async close() {
      await consumer?.stop();
      if (producerConnected) await producer.disconnect();
      await app.get(MongoConnection).db.dropDatabase();
      await app.close();
    },
  };
}

/** The service's OpenAPI contract, read once on first use. */
function lazyContract(documentUrl: string): () => Promise<OpenApiContract> {
  let contract: Promise<OpenApiContract> | undefined;
  return () =>
    (contract ??= fetch(documentUrl)
      .then((response) => response.json() as Promise<OpenAPIObject>)
      .then((document) => new OpenApiContract(document)));
}

const isJson = (contentType: string | null): boolean => /[/+]json\b/.test(contentType ?? '');

/**
 * A client of one service's API at `baseUrl`, sending `token` as the bearer. With a `contract`, every
 * answer that breaks the service's OpenAPI document (an undocumented status, a body off its schema)
 * throws, failing the test that got it.
 */
export function createApiClient(
  baseUrl: string,
  service: string,
  userId: string,
  token: Promise<string> | string,
  contract?: () => Promise<OpenApiContract>,
): ApiClient {
  const request = async (
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${baseUrl}/api/${service}/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${await token}`, ...headers },
      body,
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type');
    const parsed = text && isJson(contentType) ? JSON.parse(text) : text || undefined;
    if (contract) {
      const violations = (await contract()).violations(
        method,
        response.url,
        response.status,
        contentType,
        parsed,
      );
      if (violations.length > 0)
        throw new Error(
          `The answer breaks the OpenAPI contract:\n${violations.join('\n')}\n${text.slice(0, 2000)}`,
        );
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  const json = { 'content-type': 'application/json' };
  return {
    userId,
    get: (path) => request('GET', path),
    post: (path, body = {}, headers = {}) =>
      request('POST', path, JSON.stringify(body), { ...json, ...headers }),
    patch: (path, body, headers = {}) =>
      request('PATCH', path, JSON.stringify(body), { ...json, ...headers }),
    delete: (path) => request('DELETE', path),
    send: (method, path, body, contentType) => request(method, path, body, { 'content-type': contentType }),
  };
}

/** An event as another service's store would have written it (fresh id, given stream coordinates). */
export function testEnvelope<T extends TandemEventType>(
  type: T,
  data: EventData<T>,
  {
    tenantId,
    streamId,
    streamVersion,
    time = new Date().toISOString(),
  }: { tenantId: string; streamId: string; streamVersion: number; time?: string },
): EventEnvelope {
  const version = 1;
  return {
    type,
    version,
    data,
    metadata: {
      id: randomUUID(),
      source: `/tandem/${type.slice(0, type.indexOf('.'))}`,
      time,
      tenantId,
      streamId,
      streamVersion,
    },
  } as EventEnvelope;
}
