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

/** Builds the kafkajs client; the only place that decides kafkajs' connection settings. */
export function createKafkaClient(options: KafkaConnectionOptions): Kafka {
  const config: KafkaConfig = {
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    logLevel: options.quiet ? logLevel.NOTHING : logLevel.WARN,
    ...(options.retries === undefined ? {} : { retry: { retries: options.retries } }),
  };
  return new Kafka(config);
}
