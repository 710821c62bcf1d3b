import { randomUUID } from 'node:crypto';
import { containerInfraUp, dockerEngineLikely } from './container-infra';
import { localInfraDown, localInfraUp } from './local-infra';
import { deleteStaleTestTopics } from './stale-test-topics';

/**
 * Finds the infrastructure for the whole test run, in this order:
 * 1. KAFKA_BROKERS and MONGODB_URI from the environment (CI services, a shared cluster);
 * 2. testcontainers, when a Docker engine answers;
 * 3. tools/infra: a local Kafka broker and MongoDB-compatible server (SecantusDB) as plain processes.
 * The choice is written to process.env, which Jest's workers inherit.
 */
export default async function globalSetup(): Promise<void> {
  // Tests assert on failures themselves; kafkajs' own log of retried errors is noise here.
  process.env['KAFKA_LOG_LEVEL'] ??= 'nothing';
  // Names this run for what its test files share, e.g. one build of dist/ (tools/e2e).
  process.env['TANDEM_TEST_RUN'] ??= randomUUID();
  if (process.env['KAFKA_BROKERS'] && process.env['MONGODB_URI']) {
    process.stderr.write(`\ntest infra: using KAFKA_BROKERS and MONGODB_URI from the environment\n`);
    return;
  }
  const choice = process.env['TANDEM_TEST_INFRA'] ?? 'auto';
  if (choice === 'docker' || (choice === 'auto' && dockerEngineLikely())) {
    try {
      const containers = await containerInfraUp();
      Object.assign(process.env, containers.env);
      globalThis.__tandemStopInfra = containers.stop;
      process.stderr.write(`\ntest infra: containers (Kafka ${containers.env.KAFKA_BROKERS})\n`);
      return;
    } catch (error) {
      if (choice === 'docker') throw error;
      process.stderr.write(
        `\ntest infra: no usable Docker engine (${(error as Error).message}); using tools/infra\n`,
      );
    }
  }
  process.stderr.write('\ntest infra: starting tools/infra (local Kafka and MongoDB-compatible server)\n');
  const local = localInfraUp();
  Object.assign(process.env, local.env);
  // Stop only what this run started; servers a developer already had running stay up.
  const startedHere = Object.entries(local.started)
    .filter(([, started]) => started)
    .map(([server]) => server);
  if (startedHere.length > 0) {
    globalThis.__tandemStopInfra = async () => localInfraDown(startedHere);
  }
  // Only on the local broker this run uses for itself: a shared cluster's topics are not ours to delete.
  const deleted = await deleteStaleTestTopics(local.env.KAFKA_BROKERS.split(',')).catch((error: Error) => {
    process.stderr.write(`test infra: stale test topics not deleted (${error.message})\n`);
    return 0;
  });
  if (deleted > 0) process.stderr.write(`test infra: deleted ${deleted} topics of earlier test runs\n`);
}
