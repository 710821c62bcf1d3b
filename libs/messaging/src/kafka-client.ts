import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';

export interface KafkaConnectionOptions {
  /** host:port pairs of the bootstrap brokers. */
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** How long to wait for a broker connection, in ms. */
  readonly connectionTimeoutMs?: number;
  /** How often a failed request is retried before it fails (kafkajs default: 5). */
  readonly retries?: number;
  /** Silences the client's own log, for callers that report failures themselves. */
  readonly quiet?: boolean;
}

const levels: Record<string, logLevel> = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

/**
 * kafkajs logs retried, harmless broker answers (e.g. "coordinator is loading") as errors, so its
 * own log defaults to errors only; KAFKA_LOG_LEVEL=warn|info|debug|nothing changes that.
 */
function clientLogLevel(): logLevel {
  return levels[(process.env['KAFKA_LOG_LEVEL'] ?? 'error').toLowerCase()] ?? logLevel.ERROR;
}

/** Builds the kafkajs client; the only place that decides kafkajs' connection settings. */
export function createKafkaClient(options: KafkaConnectionOptions): Kafka {
  const config: KafkaConfig = {
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    logLevel: options.quiet ? logLevel.NOTHING : clientLogLevel(),
    ...(options.retries === undefined ? {} : { retry: { retries: options.retries } }),
  };
  return new Kafka(config);
}
