import { createTestIssuer } from '@tandem/auth/testing';
import { InvalidConfigError, loadServiceConfig } from './service-config';

const issuer = createTestIssuer();
const valid = {
  MONGODB_URI: 'mongodb://127.0.0.1:37017/tandem_goals?directConnection=true',
  KAFKA_BROKERS: '127.0.0.1:19092, broker-2:9092',
  ...issuer.env,
};

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    loadServiceConfig('goals', 3002, env);
  } catch (error) {
    if (error instanceof InvalidConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadServiceConfig', () => {
  it('reads a valid environment and applies the service defaults', () => {
    expect(loadServiceConfig('goals', 3002, valid)).toEqual({
      service: 'goals',
      host: '127.0.0.1',
      port: 3002,
      mongoUri: valid.MONGODB_URI,
      kafkaBrokers: ['127.0.0.1:19092', 'broker-2:9092'],
      kafkaClientId: 'tandem-goals',
      kafkaTopicPrefix: '',
      kafkaTopicPartitions: 3,
      outboxRelayEnabled: true,
      shutdownTimeoutMs: 10_000,
      auth: {
        issuer: issuer.issuer,
        audience: [issuer.audience],
        keys: { kind: 'public-key', pem: issuer.env['AUTH_PUBLIC_KEY'] },
        claims: { userClaim: 'sub', tenantClaim: 'tenant_id', rolesClaim: 'roles' },
        clockSkewSeconds: 30,
        maxTokenLifetimeSeconds: 86_400,
      },
      limits: { jsonBodyBytes: 256 * 1024, csvBodyBytes: 5 * 1024 * 1024 },
      rateLimits: {
        perUser: 600,
        perTenant: 6000,
        unauthenticatedPerIp: 600,
        publicPerIp: { public: 600, metrics: 60 },
      },
      trustProxy: false,
      metricsRefreshMs: 15_000,
      idempotencyLeaseMs: 30_000,
    });
  });

  it('reads the request limits', () => {
    const config = loadServiceConfig('goals', 3002, {
      ...valid,
      BODY_LIMIT: '1mb',
      CSV_BODY_LIMIT: '20480',
      RATE_LIMIT_PER_MINUTE: '30',
    });
    expect(config.limits).toEqual({ jsonBodyBytes: 1024 * 1024, csvBodyBytes: 20_480 });
    expect(config.rateLimits).toEqual({
      perUser: 30,
      perTenant: 300,
      unauthenticatedPerIp: 30,
      publicPerIp: { public: 30, metrics: 60 },
    });
    expect(problemsOf({ ...valid, BODY_LIMIT: 'huge', RATE_LIMIT_PER_MINUTE: '0' })).toEqual([
      'BODY_LIMIT must be a size such as 262144, 256kb or 5mb',
      'RATE_LIMIT_PER_MINUTE must be between 1 and 1000000',
    ]);
  });

  it('reads each rate-limit bucket, the trusted proxies and the metrics refresh', () => {
    const config = loadServiceConfig('goals', 3002, {
      ...valid,
      RATE_LIMIT_TENANT_PER_MINUTE: '1000',
      RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '20',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '120',
      RATE_LIMIT_METRICS_PER_MINUTE: '12',
      TRUST_PROXY: 'loopback, 10.0.0.0/8',
      METRICS_REFRESH_SECONDS: '5',
    });
    expect(config.rateLimits).toEqual({
      perUser: 600,
      perTenant: 1000,
      unauthenticatedPerIp: 20,
      publicPerIp: { public: 120, metrics: 12 },
    });
    expect(config.trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(config.metricsRefreshMs).toBe(5000);
    expect(loadServiceConfig('goals', 3002, { ...valid, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(problemsOf({ ...valid, TRUST_PROXY: 'true', RATE_LIMIT_METRICS_PER_MINUTE: '0' })).toEqual([
      'RATE_LIMIT_METRICS_PER_MINUTE must be between 1 and 1000000',
      'TRUST_PROXY must not be true (any client could claim any address); give the hop count or the proxy addresses',
    ]);
  });

  it('reads the Idempotency-Key lease', () => {
    expect(
      loadServiceConfig('goals', 3002, { ...valid, IDEMPOTENCY_LEASE_SECONDS: '5' }).idempotencyLeaseMs,
    ).toBe(5000);
    expect(problemsOf({ ...valid, IDEMPOTENCY_LEASE_SECONDS: '0' })).toEqual([
      'IDEMPOTENCY_LEASE_SECONDS must be between 1 and 3600',
    ]);
  });

  it('reads where a person’s export gathers the other services’ parts, naming what is wrong', () => {
    expect(
      loadServiceConfig('matching', 3001, {
        ...valid,
        PERSONAL_DATA_SOURCES:
          'goals=http://goals:3002/, sessions=http://sessions:3003,analytics=https://a.example',
      }).personalDataSources,
    ).toEqual({
      goals: 'http://goals:3002',
      sessions: 'http://sessions:3003',
      analytics: 'https://a.example',
    });
    expect(loadServiceConfig('matching', 3001, valid).personalDataSources).toBeUndefined();
    expect(problemsOf({ ...valid, PERSONAL_DATA_SOURCES: 'goals=ftp://x,billing=http://b' })).toEqual([
      'PERSONAL_DATA_SOURCES "goals=ftp://x" must be <service>=<http(s) URL>, service one of goals, sessions, analytics',
      'PERSONAL_DATA_SOURCES "billing=http://b" must be <service>=<http(s) URL>, service one of goals, sessions, analytics',
      'PERSONAL_DATA_SOURCES must name every service: goals, sessions, analytics missing',
    ]);
  });

  it('fails closed without token verification settings, naming the AUTH_* variables beside the others', () => {
    expect(
      problemsOf({
        MONGODB_URI: valid.MONGODB_URI,
        KAFKA_BROKERS: valid.KAFKA_BROKERS,
        AUTH_ISSUER: 'tandem-dev',
      }),
    ).toEqual([
      'AUTH_AUDIENCE is required',
      'AUTH_JWKS_URL or AUTH_PUBLIC_KEY (or AUTH_PUBLIC_KEY_FILE) is required',
    ]);
    expect(problemsOf({ ...valid, KAFKA_BROKERS: undefined, AUTH_PUBLIC_KEY: 'nonsense' })).toEqual([
      'KAFKA_BROKERS is required',
      'AUTH_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----)',
    ]);
  });

  it('lets PORT override the default port', () => {
    expect(loadServiceConfig('goals', 3002, { ...valid, PORT: '4100' }).port).toBe(4100);
  });

  it('names every missing variable', () => {
    expect(problemsOf({})).toEqual([
      'MONGODB_URI is required',
      'KAFKA_BROKERS is required',
      'AUTH_ISSUER is required',
      'AUTH_AUDIENCE is required',
      'AUTH_JWKS_URL or AUTH_PUBLIC_KEY (or AUTH_PUBLIC_KEY_FILE) is required',
    ]);
  });

  it('reads the event backbone settings', () => {
    const config = loadServiceConfig('goals', 3002, {
      ...valid,
      KAFKA_TOPIC_PREFIX: 'staging.',
      KAFKA_TOPIC_PARTITIONS: '12',
      OUTBOX_RELAY_ENABLED: 'false',
    });
    expect(config).toMatchObject({
      kafkaTopicPrefix: 'staging.',
      kafkaTopicPartitions: 12,
      outboxRelayEnabled: false,
    });
    expect(problemsOf({ ...valid, OUTBOX_RELAY_ENABLED: 'yes', KAFKA_TOPIC_PREFIX: 'a b' })).toEqual([
      'KAFKA_TOPIC_PREFIX may contain only letters, digits, ".", "_" and "-"',
      'OUTBOX_RELAY_ENABLED must be true or false',
    ]);
  });

  it('names malformed variables and says what is expected', () => {
    const problems = problemsOf({
      ...valid,
      PORT: 'eighty',
      KAFKA_BROKERS: 'localhost',
      MONGODB_URI: 'mongodb://h:1',
    });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^PORT must be a whole number/);
    expect(problems[1]).toMatch(
      /^MONGODB_URI must be a mongodb:\/\/ or mongodb\+srv:\/\/ URI naming the service database/,
    );
    expect(problems[2]).toMatch(/^KAFKA_BROKERS must be a comma-separated list of host:port/);
  });

  it('puts the service name and each problem in the error message', () => {
    expect(() => loadServiceConfig('goals', 3002, { ...issuer.env, KAFKA_BROKERS: 'k:9092' })).toThrow(
      'Invalid configuration for the goals service:\n  - MONGODB_URI is required',
    );
  });
});
