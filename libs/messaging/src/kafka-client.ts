import { Kafka, logLevel, type KafkaConfig, type logCreator } from 'kafkajs';

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

// Broker answers kafkajs retries by itself, during every rebalance or leader move: not errors.
const retriedAnswers = [
  /group is rebalancing/i,
  /coordinator is (loading|not available)/i,
  /not the correct coordinator/i,
  /no leader for this topic-partition/i,
];

const levelNames: Record<number, string> = {
  [logLevel.ERROR]: 'ERROR',
  [logLevel.WARN]: 'WARN',
  [logLevel.INFO]: 'INFO',
  [logLevel.DEBUG]: 'DEBUG',
};

/** One JSON line per kafkajs log entry on stderr, without the retried broker answers. */
const quietRetries: logCreator =
  () =>
  ({ namespace, level, log }) => {
    const { message, ...extra } = log;
    if (
      typeof extra['error'] === 'string' &&
      retriedAnswers.some((pattern) => pattern.test(extra['error'] as string))
    )
      return;
    process.stderr.write(
      `${JSON.stringify({ level: levelNames[level] ?? level, logger: 'kafkajs', namespace, message, ...extra })}\n`,
    );
  };

/** Builds the kafkajs client; the only place that decides kafkajs' connection settings. */
export function createKafkaClient(options: KafkaConnectionOptions): Kafka {
  const config: KafkaConfig = {
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    logLevel: options.quiet ? logLevel.NOTHING : clientLogLevel(),
    logCreator: quietRetries,
    ...(options.retries === undefined ? {} : { retry: { retries: options.retries } }),
  };
  return new Kafka(config);
}
