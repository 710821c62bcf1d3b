import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort, testInfra, waitFor } from '@tandem/testing';

const workspaceRoot = path.resolve(__dirname, '../..');
const services = ['matching', 'goals', 'sessions', 'analytics'];

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function readyStatus(port: number): Promise<number | undefined> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health/ready`)).status;
  } catch {
    return undefined;
  }
}

// `npm start` as a person uses it: four real service processes, all ready, and nothing left after Ctrl-C.
describe('npm start', () => {
  let start: ChildProcess | undefined;

  afterAll(() => {
    if (start?.exitCode === null) start.kill('SIGKILL');
  });

  it('builds and starts all four services, reports them ready, and stops them all on SIGINT', async () => {
    const infra = testInfra();
    const ports = await Promise.all(services.map(() => freePort()));
    let output = '';
    start = spawn(process.execPath, ['tools/scripts/start.mjs'], {
      cwd: workspaceRoot,
      env: {
        ...process.env,
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        MONGODB_URI: infra.mongoUri('unused'),
        MATCHING_PORT: String(ports[0]),
        GOALS_PORT: String(ports[1]),
        SESSIONS_PORT: String(ports[2]),
        ANALYTICS_PORT: String(ports[3]),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => start?.once('exit', (code) => resolve(code)));

    await waitFor(() => output.includes('Tandem is up'), { description: `"Tandem is up" in:\n${output}`, timeoutMs: 90_000 });
    for (const [i, name] of services.entries()) {
      expect(output).toContain(`http://127.0.0.1:${ports[i]}/api/${name}/v1`);
      expect(await readyStatus(ports[i] as number)).toBe(200);
    }
    const pids = [...output.matchAll(/: started \(pid (\d+)\)/g)].map((match) => Number(match[1]));
    expect(pids).toHaveLength(4);

    start.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    for (const port of ports) expect(await readyStatus(port)).toBeUndefined();
  });
});
