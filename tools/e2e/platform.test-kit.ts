import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { lock } from 'proper-lockfile';
import path from 'node:path';
import { createTestIssuer, type TestIssuer } from '@tandem/auth/testing';
import { createTandemClient, type TandemClient } from '@tandem/api-client';
import { freePort, testInfra, uniqueName, waitFor } from '@tandem/testing';

export const serviceNames = ['matching', 'goals', 'sessions', 'analytics'] as const;
export type ServiceName = (typeof serviceNames)[number];

const workspaceRoot = path.resolve(__dirname, '../..');

interface RunningService {
  readonly env: NodeJS.ProcessEnv;
  readonly url: string;
  process?: ChildProcess;
  output: string;
}

/** The four services as built processes (dist/), on their own databases and topics, with a test issuer. */
export interface Platform {
  /** The typed client (`@tandem/api-client`) of a service, with a token for one tenant, user and roles. */
  api<S extends ServiceName>(service: S, tenant: string, userId: string, roles: string[]): TandemClient<S>;
  /** SIGKILL: no graceful shutdown, the way a node failure ends a pod. */
  kill(service: ServiceName): Promise<void>;
  start(service: ServiceName): Promise<void>;
  /** What a service printed (for failure messages). */
  output(service: ServiceName): string;
  /** The service's own database, for tests that check what it stored. */
  mongoUri(service: ServiceName): string;
  /** Where the service listens, for requests outside its typed client (SCIM). */
  url(service: ServiceName): string;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** The services to run (default all four): a test of one service and its upstreams spares the machine. */
  readonly services?: readonly ServiceName[];
  /** Extra environment per service, e.g. a short `IDEMPOTENCY_LEASE_SECONDS`. */
  readonly env?: Partial<Record<ServiceName, Record<string, string>>>;
}

/**
 * Builds dist/ once per test run, however many e2e files start platforms at once: a build empties
 * dist/ first, and another file's services may be starting from it (they failed with
 * MODULE_NOT_FOUND in CI). A lock holds the build; a marker in dist/ says this run built it.
 */
async function buildOncePerRun(): Promise<void> {
  const marker = path.join(
    workspaceRoot,
    'dist',
    `.built-by-${process.env['TANDEM_TEST_RUN'] ?? process.pid}`,
  );
  const release = await lock(workspaceRoot, {
    lockfilePath: path.join(workspaceRoot, '.dist-build.lock'),
    retries: { retries: 600, minTimeout: 200, maxTimeout: 1000 },
  });
  try {
    if (existsSync(marker)) return;
    const build = spawnSync(process.execPath, [path.join(workspaceRoot, 'tools/scripts/build.mjs')], {
      cwd: workspaceRoot,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
    writeFileSync(marker, '');
  } finally {
    await release();
  }
}

/** Builds the services once and starts them (all four by default); resolves when every /health/ready answers 200. */
export async function startPlatform({
  services: chosen = serviceNames,
  env: extraEnv = {},
}: PlatformOptions = {}): Promise<Platform> {
  await buildOncePerRun();
  const infra = testInfra();
  const issuer: TestIssuer = await createTestIssuer();
  const prefix = `${uniqueName('e2e')}.`;
  const services = new Map<ServiceName, RunningService>();
  for (const name of chosen) {
    const port = await freePort();
    const env = {
      ...process.env,
      ...issuer.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: infra.mongoUri(uniqueName(`e2e_${name}`)),
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: '2',
      RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'warn',
      ...extraEnv[name],
    };
    services.set(name, { env, url: `http://127.0.0.1:${port}`, output: '' });
  }
  // Goals and sessions ask matching's people directory for names (`include=people`).
  const matching = services.get('matching');
  for (const name of ['goals', 'sessions'] as const) {
    const service = services.get(name);
    if (matching && service && !service.env['PEOPLE_DIRECTORY_URL'])
      service.env['PEOPLE_DIRECTORY_URL'] = matching.url;
  }
  // A person's export in matching gathers the other services' parts of it.
  if (matching && !matching.env['PERSONAL_DATA_SOURCES'])
    matching.env['PERSONAL_DATA_SOURCES'] = (['goals', 'sessions', 'analytics'] as const)
      .map((name) => `${name}=${services.get(name)?.url ?? `http://127.0.0.1:1`}`)
      .join(',');

  const start = async (name: ServiceName) => {
    const service = services.get(name)!;
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', path.join(workspaceRoot, `dist/apps/${name}/src/main.js`)],
      {
        cwd: workspaceRoot,
        env: service.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const keep = (chunk: Buffer) =>
      void (service.output = (service.output + chunk.toString()).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    service.process = child;
    await waitFor(
      async () => {
        if (child.exitCode !== null)
          throw new Error(`${name} exited (${child.exitCode}):\n${service.output}`);
        return (await fetch(`${service.url}/health/ready`).catch(() => undefined))?.status === 200;
      },
      { timeoutMs: 60_000, intervalMs: 200, description: `${name} ready` },
    );
  };
  const stopOne = async (name: ServiceName, signal: NodeJS.Signals) => {
    const child = services.get(name)?.process;
    // A process ended by a signal has a signalCode and no exitCode; waiting for its exit again would hang.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };

  await Promise.all(chosen.map(start));
  return {
    api: (service, tenant, userId, roles) => {
      const token = issuer.token({ tenant, sub: userId, roles });
      return createTandemClient(service, { baseUrl: services.get(service)!.url, token: () => token });
    },
    kill: (name) => stopOne(name, 'SIGKILL'),
    start,
    output: (name) => services.get(name)!.output,
    mongoUri: (name) => services.get(name)!.env['MONGODB_URI']!,
    url: (name) => services.get(name)!.url,
    async stop() {
      await Promise.all(chosen.map((name) => stopOne(name, 'SIGTERM')));
    },
  };
}

/** An answer of the typed client: its body on a documented success, else the problem details. */
interface Answer<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/** The body of `call`'s answer when it has `status`; otherwise throws, naming `what`, the status and the body. */
export async function expectStatus<T>(call: Promise<Answer<T>>, status: number, what: string): Promise<T> {
  const { data, error, response } = await call;
  if (response.status !== status)
    throw new Error(`${what}: ${response.status} ${JSON.stringify(error ?? data)}`);
  return data as T;
}
