import { PeopleDirectoryClient } from './people/people-directory-client';
import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_INTERCEPTOR, ModuleRef } from '@nestjs/core';
import { AuthModule } from '@tandem/auth';
import { EventStore } from '@tandem/eventstore';
import { KafkaConnectivity } from '@tandem/messaging';
import type { ServiceConfig } from './config/service-config';
import { EventBackbone } from './events/event-backbone';
import { HealthController } from './health/health.controller';
import { EtagInterceptor } from './http/etag.interceptor';
import { IntentRecordingEventStore } from './idempotency/append-intents';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { ErasureReport } from './erasure/erasure-report';
import { IdempotencyRecords } from './idempotency/idempotency-records';
import { MetricsController } from './observability/metrics.controller';
import { ServiceMetrics } from './observability/service-metrics';
import { currentTraceparent } from './observability/trace-context';

const withoutUndefined = <T extends object>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
import { READINESS_CHECKS, type ReadinessCheck } from './health/readiness-check';
import { MongoConnection } from './mongo/mongo-connection';
import type { ServiceDefinition } from './service-definition';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/**
 * Served without a token or rate limit: probes and the API docs. `/metrics` is `@Public('metrics')`
 * (no token, its own per-IP bucket); everything else needs a bearer JWT.
 */
export const publicPathsOf = (service: string): string[] => [
  '/health/live',
  '/health/ready',
  `/api/${service}/docs`,
];

/** Opens connections in the background at start, closes them last at shutdown. */
@Injectable()
class ConnectionLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Connections');

  constructor(
    private readonly mongo: MongoConnection,
    private readonly kafka: KafkaConnectivity,
  ) {}

  onModuleInit(): void {
    this.mongo
      .connected()
      .catch((error: Error) => this.logger.warn(`MongoDB not reachable yet: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.mongo.close(), this.kafka.close()]);
  }
}

/**
 * What every Tandem service has: validated config, its MongoDB connection, its event store, the
 * outbox relay and event consumers, Kafka connectivity, the health endpoints, the access guard
 * on every other route (bearer JWT, rate limit, `@Roles`) and `Idempotency-Key` on every write route. Global, so
 * feature modules can inject these without importing it.
 */
@Module({})
export class ServiceRuntimeModule {
  static forRoot(config: ServiceConfig, definition: ServiceDefinition): DynamicModule {
    return {
      module: ServiceRuntimeModule,
      global: true,
      imports: [
        AuthModule.forRoot({
          auth: config.auth,
          rateLimits: config.rateLimits,
          publicPaths: publicPathsOf(definition.name),
        }),
        definition.module,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: MongoConnection, useFactory: () => new MongoConnection(config.mongoUri) },
        {
          provide: KafkaConnectivity,
          useFactory: () =>
            new KafkaConnectivity({ brokers: config.kafkaBrokers, clientId: config.kafkaClientId }),
        },
        {
          provide: READINESS_CHECKS,
          inject: [MongoConnection, KafkaConnectivity],
          useFactory: (mongo: MongoConnection, kafka: KafkaConnectivity): ReadinessCheck[] => [
            { name: 'mongodb', check: () => mongo.ping() },
            { name: 'kafka', check: () => kafka.check() },
          ],
        },
        {
          provide: EventStore,
          inject: [MongoConnection],
          // An EventStore that, inside a request holding an Idempotency-Key, records each append first.
          useFactory: (mongo: MongoConnection) =>
            new IntentRecordingEventStore(mongo.db, {
              source: `/tandem/${config.service}`,
              defaultContext: () => withoutUndefined({ traceparent: currentTraceparent() }),
            }),
        },
        {
          provide: EventBackbone,
          inject: [EventStore, ModuleRef],
          useFactory: (store: EventStore, moduleRef: ModuleRef) =>
            new EventBackbone(
              {
                config,
                store,
                publishes: definition.publishes,
                subscriptions: definition.subscriptions ?? [],
              },
              moduleRef,
            ),
        },
        {
          provide: ServiceMetrics,
          inject: [EventBackbone],
          useFactory: (backbone: EventBackbone) =>
            new ServiceMetrics(config.service, backbone, config.metricsRefreshMs),
        },
        {
          provide: IdempotencyRecords,
          inject: [MongoConnection],
          useFactory: (mongo: MongoConnection) => new IdempotencyRecords(mongo.db, config.idempotencyLeaseMs),
        },
        ErasureReport,
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: EtagInterceptor },
        ConnectionLifecycle,
        {
          provide: PeopleDirectoryClient,
          useFactory: () => new PeopleDirectoryClient(config.peopleDirectoryUrl),
        },
      ],
      exports: [
        SERVICE_CONFIG,
        PeopleDirectoryClient,
        MongoConnection,
        KafkaConnectivity,
        EventStore,
        EventBackbone,
        ServiceMetrics,
        IdempotencyRecords,
        ErasureReport,
      ],
    };
  }
}

/** Injects the service's validated configuration. */
export const InjectServiceConfig = (): ParameterDecorator => Inject(SERVICE_CONFIG);
