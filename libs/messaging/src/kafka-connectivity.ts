import type { Admin } from 'kafkajs';
import { createKafkaClient, type KafkaConnectionOptions } from './kafka-client';

/**
 * Answers "can this service reach its Kafka cluster right now?" for readiness probes.
 * Keeps one admin connection and asks the cluster for its brokers, within a deadline.
 */
export class KafkaConnectivity {
  private admin: Admin | undefined;

  constructor(private readonly options: KafkaConnectionOptions) {}

  async check(timeoutMs = 2000): Promise<void> {
    await withTimeout(this.describeCluster(), timeoutMs, 'Kafka did not answer');
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect();
  }

  private async describeCluster(): Promise<void> {
    if (!this.admin) {
      // No retries and no log: a probe answers now, and readiness reports the failure itself.
      this.admin = createKafkaClient({
        ...this.options,
        clientId: `${this.options.clientId}-health`,
        retries: 0,
        quiet: true,
      }).admin();
    }
    try {
      const cluster = await this.admin.describeCluster();
      if (cluster.brokers.length === 0) throw new Error('Kafka reports no brokers');
    } catch (error) {
      // Drop the connection so the next probe starts clean instead of reusing a broken one.
      await this.close().catch(() => undefined);
      throw error;
    }
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
