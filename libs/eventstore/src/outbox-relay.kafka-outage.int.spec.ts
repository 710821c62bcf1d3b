import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { connectTestDatabase, freePort, uniqueName, waitFor, type TestDatabase } from '@tandem/testing';
import { createRelayKit, newStreamId, progressRecorded, type RelayKit } from './outbox-relay.test-kit';

// This test stops a broker, so it runs its own (tools/infra with private ports and data),
// leaving the shared test broker to the other test files.
const workspaceRoot = path.resolve(__dirname, '../../..');
const outageSeconds = 10;

describe('OutboxRelay through a Kafka outage', () => {
  let database: TestDatabase;
  let kit: RelayKit;
  let kafka: (command: 'up' | 'down') => void;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = path.join(workspaceRoot, '.data', uniqueName('outage'));
    const env = {
      ...process.env,
      TANDEM_DATA_DIR: dataDir,
      TANDEM_KAFKA_PORT: String(await freePort()),
      TANDEM_KAFKA_CONTROLLER_PORT: String(await freePort()),
      TANDEM_KAFKA_HEAP: '256m',
    };
    kafka = (command) =>
      execFileSync(process.execPath, ['tools/infra/cli.mjs', command, 'kafka'], {
        cwd: workspaceRoot,
        env,
        stdio: 'ignore',
      });
    kafka('up');
    database = await connectTestDatabase('outage');
    kit = await createRelayKit(database, [`127.0.0.1:${env.TANDEM_KAFKA_PORT}`]);
  });

  afterAll(async () => {
    await kit?.close();
    await database?.close();
    kafka?.('down');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`loses nothing, keeps stream order and applies nothing twice when Kafka is down for ${outageSeconds}+ s`, async () => {
    const streams = Array.from({ length: 4 }, newStreamId);
    const appended = new Map(streams.map((s) => [s, 0]));
    let appending = true;
    const appender = (async () => {
      while (appending) {
        for (const s of streams) {
          await kit.store.append('acme', s, appended.get(s)!, [progressRecorded(appended.get(s)! % 100)]);
          appended.set(s, appended.get(s)! + 1);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const relay = kit.relay({ maxBackoffMs: 1_000, leaseTtlMs: 5_000 });
    relay.start();
    await kit.startConsumer();
    await kit.waitForProjected(Object.fromEntries(streams.map((s) => [s, 3])));

    kafka('down');
    const downAt = Date.now();
    const appendedBefore = [...appended.values()].reduce((a, b) => a + b, 0);
    await waitFor(() => Date.now() - downAt >= outageSeconds * 1000, {
      description: `${outageSeconds} s of outage`,
      timeoutMs: (outageSeconds + 5) * 1000,
      intervalMs: 250,
    });
    // Commands kept succeeding; their events wait in the outbox.
    expect((await relay.stats()).backlog).toBeGreaterThan(20);
    expect([...appended.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(appendedBefore + 20);

    kafka('up');
    appending = false;
    await appender;
    await kit.waitForProjected(Object.fromEntries(appended), 150_000);
    for (const s of streams) {
      expect(await kit.projected(s)).toEqual(Array.from({ length: appended.get(s)! }, (_, i) => i % 100));
    }
    await waitFor(async () => (await relay.stats()).backlog === 0, { description: 'an empty outbox' });
  }, 240_000);
});
