import { readAuthConfig, type AuthConfig, type RateLimits } from '@tandem/auth';
import { z } from 'zod';

/** What one request may cost: body sizes (413 above). */
export interface HttpLimits {
  readonly jsonBodyBytes: number;
  /** `text/csv` bodies, for the CSV import routes. */
  readonly csvBodyBytes: number;
}

/**
 * Express's `trust proxy`: whether `X-Forwarded-For` names the client. `false` (the default) uses
 * the socket's address; a hop count or a list of proxy addresses/subnets trusts only those.
 */
export type TrustProxy = false | number | readonly string[];

/** What every Tandem service needs from its environment, after validation. */
export interface ServiceConfig {
  readonly service: string;
  readonly host: string;
  readonly port: number;
  readonly mongoUri: string;
  readonly kafkaBrokers: readonly string[];
  readonly kafkaClientId: string;
  /** Put before every topic name, so environments can share a cluster (and tests stay apart). */
  readonly kafkaTopicPrefix: string;
  readonly kafkaTopicPartitions: number;
  /** Whether this instance takes part in the outbox relay election (one relay is active at a time). */
  readonly outboxRelayEnabled: boolean;
  readonly shutdownTimeoutMs: number;
  /** Bearer token verification (AUTH_*); required, the service never runs open. */
  readonly auth: AuthConfig;
  readonly limits: HttpLimits;
  /** Requests per minute per bucket (429 above); `/metrics` is the `metrics` public bucket. */
  readonly rateLimits: RateLimits;
  readonly trustProxy: TrustProxy;
  /** How often gauges that need the database (outbox backlog) are re-read; scrapes serve the last value. */
  readonly metricsRefreshMs: number;
  /** How long a request holding an `Idempotency-Key` keeps it without renewing (a dead process's claim lapses after it). */
  readonly idempotencyLeaseMs: number;
  /** Base URL of the matching service, whose people directory gives names for `include=people` (PEOPLE_DIRECTORY_URL). */
  readonly peopleDirectoryUrl?: string;
  /**
   * Matching: base URLs of the services whose personal data a person's export gathers, by service
   * (PERSONAL_DATA_SOURCES, `goals=http://…,sessions=http://…,analytics=http://…`).
   */
  readonly personalDataSources?: Readonly<Record<PersonalDataSource, string>>;
}

/** Thrown when the environment cannot configure the service; the message names every bad variable. */
export class InvalidConfigError extends Error {
  constructor(
    service: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid configuration for the ${service} service:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidConfigError';
  }
}

const required = (iss: { input: unknown }) => (iss.input === undefined ? 'is required' : 'must be a string');
const brokerAddress = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const sizeUnits: Readonly<Record<string, number>> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };
const byteSize = z
  .string()
  .regex(/^\d+\s*(b|kb|mb)?$/i, 'must be a size such as 262144, 256kb or 5mb')
  .transform((value) => {
    const [, amount, unit = ''] = /^(\d+)\s*([a-z]*)$/i.exec(value) as RegExpExecArray;
    return Number(amount) * (sizeUnits[unit.toLowerCase()] ?? 1);
  })
  .refine((bytes) => bytes >= 1024 && bytes <= 100 * 1024 * 1024, 'must be between 1kb and 100mb');

const perMinute = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 1000000')
  .max(1_000_000, 'must be between 1 and 1000000');
const proxyList = /^[A-Za-z0-9.:/]+(\s*,\s*[A-Za-z0-9.:/]+)*$/;

function trustProxyOf(value: string): TrustProxy {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((entry) => entry.trim());
}

/** The services besides matching whose personal data a person's export gathers. */
export const PERSONAL_DATA_SOURCES = ['goals', 'sessions', 'analytics'] as const;
export type PersonalDataSource = (typeof PERSONAL_DATA_SOURCES)[number];

const environmentSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1)
    .max(65535)
    .optional(),
  MONGODB_URI: z
    .string({ error: required })
    .regex(
      /^mongodb(\+srv)?:\/\/[^/?]+\/[^/?]+/,
      'must be a mongodb:// or mongodb+srv:// URI naming the service database, e.g. mongodb://127.0.0.1:27017/tandem_matching',
    ),
  KAFKA_BROKERS: z
    .string({ error: required })
    .transform((value) =>
      value
        .split(',')
        .map((broker) => broker.trim())
        .filter(Boolean),
    )
    .refine((brokers) => brokers.length > 0 && brokers.every((b) => brokerAddress.test(b)), {
      message: 'must be a comma-separated list of host:port, e.g. 127.0.0.1:9092',
    }),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/, 'may contain only letters, digits, ".", "_" and "-"')
    .default(''),
  KAFKA_TOPIC_PARTITIONS: z.coerce
    .number({ error: 'must be a whole number' })
    .int()
    .min(1)
    .max(1000)
    .default(3),
  OUTBOX_RELAY_ENABLED: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number({ error: 'must be a whole number' }).int().positive().default(10_000),
  BODY_LIMIT: byteSize.default(256 * 1024),
  CSV_BODY_LIMIT: byteSize.default(5 * 1024 * 1024),
  RATE_LIMIT_PER_MINUTE: perMinute.default(600),
  RATE_LIMIT_TENANT_PER_MINUTE: perMinute.optional(),
  RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: perMinute.optional(),
  RATE_LIMIT_PUBLIC_PER_MINUTE: perMinute.optional(),
  RATE_LIMIT_METRICS_PER_MINUTE: perMinute.default(60),
  TRUST_PROXY: z
    .string()
    .trim()
    .refine(
      (value) => value !== 'true',
      'must not be true (any client could claim any address); give the hop count or the proxy addresses',
    )
    .refine(
      (value) => value === 'false' || /^\d{1,2}$/.test(value) || proxyList.test(value),
      'must be false, a hop count, or comma-separated proxy addresses/subnets (loopback, 10.0.0.0/8, ...)',
    )
    .default('false'),
  METRICS_REFRESH_SECONDS: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 3600')
    .max(3600, 'must be between 1 and 3600')
    .default(15),
  IDEMPOTENCY_LEASE_SECONDS: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 3600')
    .max(3600, 'must be between 1 and 3600')
    .default(30),
  PEOPLE_DIRECTORY_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://matching:3001' })
    .optional(),
  PERSONAL_DATA_SOURCES: z
    .string()
    .transform((value, context) => {
      const sources: Partial<Record<string, string>> = {};
      for (const part of value
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [name = '', url = ''] = part.split(/=(.*)/s);
        if (!(PERSONAL_DATA_SOURCES as readonly string[]).includes(name) || !/^https?:\/\/\S+$/.test(url))
          context.addIssue({
            code: 'custom',
            message: `"${part}" must be <service>=<http(s) URL>, service one of ${PERSONAL_DATA_SOURCES.join(', ')}`,
          });
        else sources[name] = url.replace(/\/+$/, '');
      }
      const missing = PERSONAL_DATA_SOURCES.filter((name) => !sources[name]);
      if (missing.length > 0)
        context.addIssue({
          code: 'custom',
          message: `must name every service: ${missing.join(', ')} missing`,
        });
      return sources as Record<PersonalDataSource, string>;
    })
    .optional(),
});

export function loadServiceConfig(
  service: string,
  defaultPort: number,
  env: Readonly<Record<string, string | undefined>>,
): ServiceConfig {
  const parsed = environmentSchema.safeParse(env);
  const auth = readAuthConfig(env);
  if (!parsed.success || !auth.ok) {
    const problems = [
      ...(parsed.success
        ? []
        : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)),
      ...(auth.ok ? [] : auth.problems),
    ];
    throw new InvalidConfigError(service, problems);
  }
  const values = parsed.data;
  return {
    service,
    host: values.HOST,
    port: values.PORT ?? defaultPort,
    mongoUri: values.MONGODB_URI,
    kafkaBrokers: values.KAFKA_BROKERS,
    kafkaClientId: values.KAFKA_CLIENT_ID ?? `tandem-${service}`,
    kafkaTopicPrefix: values.KAFKA_TOPIC_PREFIX,
    kafkaTopicPartitions: values.KAFKA_TOPIC_PARTITIONS,
    outboxRelayEnabled: values.OUTBOX_RELAY_ENABLED === 'true',
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    auth: auth.config,
    limits: { jsonBodyBytes: values.BODY_LIMIT, csvBodyBytes: values.CSV_BODY_LIMIT },
    rateLimits: {
      perUser: values.RATE_LIMIT_PER_MINUTE,
      perTenant: values.RATE_LIMIT_TENANT_PER_MINUTE ?? 10 * values.RATE_LIMIT_PER_MINUTE,
      unauthenticatedPerIp: values.RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE ?? values.RATE_LIMIT_PER_MINUTE,
      publicPerIp: {
        public: values.RATE_LIMIT_PUBLIC_PER_MINUTE ?? values.RATE_LIMIT_PER_MINUTE,
        metrics: values.RATE_LIMIT_METRICS_PER_MINUTE,
      },
    },
    trustProxy: trustProxyOf(values.TRUST_PROXY),
    metricsRefreshMs: values.METRICS_REFRESH_SECONDS * 1000,
    idempotencyLeaseMs: values.IDEMPOTENCY_LEASE_SECONDS * 1000,
    ...(values.PEOPLE_DIRECTORY_URL
      ? { peopleDirectoryUrl: values.PEOPLE_DIRECTORY_URL.replace(/\/+$/, '') }
      : {}),
    ...(values.PERSONAL_DATA_SOURCES ? { personalDataSources: values.PERSONAL_DATA_SOURCES } : {}),
  };
}
