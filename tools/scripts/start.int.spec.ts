import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTokenVerifier, readAuthConfig } from '@tandem/auth';
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
  // A data directory of its own: the development issuer's key pair is made there on first start.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tandem-start-'));
  const withoutAuth = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AUTH_')));

  afterAll(() => {
    if (start?.exitCode === null) start.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('builds and starts all four services, reports them ready, and stops them all on SIGINT', async () => {
    const infra = testInfra();
    const ports = await Promise.all(services.map(() => freePort()));
    let output = '';
    start = spawn(process.execPath, ['tools/scripts/start.mjs'], {
      cwd: workspaceRoot,
      env: {
        ...withoutAuth,
        TANDEM_DATA_DIR: dataDir,
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

    // The block after "Tandem is up" arrives line by line: wait for its last service line too.
    const urls = services.map((name, i) => `http://127.0.0.1:${ports[i]}/api/${name}/v1`);
    await waitFor(() => output.includes('Tandem is up') && urls.every((url) => output.includes(url)), {
      description: `"Tandem is up" and every service's address in:\n${output}`,
      timeoutMs: 90_000,
    });
    for (const port of ports) expect(await readyStatus(port as number)).toBe(200);
    // Services refuse to start without AUTH_*: being ready means they got the development issuer's.
    expect(output).toContain('auth: development issuer "tandem-dev"');
    expect(existsSync(path.join(dataDir, 'dev-issuer', 'private.pem'))).toBe(true);
    const token = execFileSync(process.execPath, ['tools/scripts/token.mjs', '--tenant', 'acme', '--sub', 'u-123', '--roles', 'program-admin,participant'], {
      cwd: workspaceRoot,
      env: { ...withoutAuth, TANDEM_DATA_DIR: dataDir },
      encoding: 'utf8',
    }).trim();
    const auth = readAuthConfig({ AUTH_ISSUER: 'tandem-dev', AUTH_AUDIENCE: 'tandem', AUTH_PUBLIC_KEY_FILE: path.join(dataDir, 'dev-issuer', 'public.pem') });
    if (!auth.ok) throw new Error(auth.problems.join('\n'));
    expect(await createTokenVerifier(auth.config).verify(token)).toEqual({ userId: 'u-123', tenantId: 'acme', roles: ['program-admin', 'participant'] });

    const pids = [...output.matchAll(/: started \(pid (\d+)\)/g)].map((match) => Number(match[1]));
    expect(pids).toHaveLength(4);

    start.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    for (const port of ports) expect(await readyStatus(port)).toBeUndefined();
  });
});
