import { existsSync } from 'node:fs';
import type { StartedTestContainer } from 'testcontainers';
import { freePort } from '../free-port';

/** Same broker and versions as tools/infra, for machines with a Docker engine. */
const kafkaImage = 'apache/kafka:4.3.1';
const mongoImage = 'mongo:8.0';

export function dockerEngineLikely(): boolean {
  return Boolean(process.env['DOCKER_HOST']) || existsSync('/var/run/docker.sock');
}

export interface ContainerInfra {
  env: { KAFKA_BROKERS: string; MONGODB_URI: string };
  stop(): Promise<void>;
}

export async function containerInfraUp(): Promise<ContainerInfra> {
  const { GenericContainer, Wait } = await import('testcontainers');
  // Kafka must advertise the port the host sees, so that port is chosen before the start.
  const kafkaPort = await freePort();
  const kafka = new GenericContainer(kafkaImage)
    .withExposedPorts({ container: 9092, host: kafkaPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${kafkaPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  const mongo = new GenericContainer(mongoImage)
    .withExposedPorts(27017)
    .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
    .start();
  const started: StartedTestContainer[] = await Promise.all([kafka, mongo]);
  const [, mongoContainer] = started as [StartedTestContainer, StartedTestContainer];
  return {
    env: {
      KAFKA_BROKERS: `127.0.0.1:${kafkaPort}`,
      MONGODB_URI: `mongodb://${mongoContainer.getHost()}:${mongoContainer.getMappedPort(27017)}/?directConnection=true`,
    },
    stop: async () => {
      await Promise.all(started.map((container) => container.stop()));
    },
  };
}
