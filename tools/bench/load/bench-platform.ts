import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { MongoClient } from 'mongodb';

export const services = ['matching', 'goals', 'sessions', 'analytics'] as const;
export type Service = (typeof services)[number];

export interface BenchPlatform {
  readonly urls: Record<Service, string>;
  /** Prefix of this run's Kafka topics (the services' own topics, not others'). */
  readonly topicPrefix: string;
  /** The database a service of this run keeps its data in. */
  database(service: Service): string;
  token(tenant: string, sub: string, roles: string[]): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const withDatabase = (uri: string, database: string) =>
  uri.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?/, `$1/${database}`);

/** The built services (default: all four) on their own databases and topics, trusting a key made for this run. */
export async function startBenchPlatform(
  root = findWorkspaceRoot(),
  only: readonly Service[] = services,
): Promise<BenchPlatform> {
  const build = spawnSync(process.execPath, [path.join(root, 'tools/scripts/build.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const run = randomUUID().slice(0, 8);
  const topicPrefix = `bench-${run}.`;
  const database = (service: Service) => `bench_load_${run}_${service}`;
  const children: ChildProcess[] = [];
  const tokens = new Map<string, Promise<string>>();
  const urls = {} as Record<Service, string>;
  for (const service of only) {
    const port = await freePort();
    urls[service] = `http://127.0.0.1:${port}`;
    // BENCH_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the services under load.
    const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
    const child = spawn(
      process.execPath,
      [...nodeArgs, path.join(root, `dist/apps/${service}/src/main.js`)],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          PORT: String(port),
          MONGODB_URI: withDatabase(process.env['MONGODB_URI'] ?? '', database(service)),
          KAFKA_TOPIC_PREFIX: topicPrefix,
          KAFKA_TOPIC_PARTITIONS: '3',
          AUTH_ISSUER: 'tandem-bench',
          AUTH_AUDIENCE: 'tandem',
          AUTH_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
          RATE_LIMIT_PER_MINUTE: '1000000',
          LOG_LEVEL: 'warn',
        },
      },
    );
    children.push(child);
  }
  for (const service of only) await waitReady(`${urls[service]}/health/ready`);
  return {
    urls,
    topicPrefix,
    database,
    // One token per caller, as a real client keeps its token: signing is load-generator work.
    token: (tenant, sub, roles) => {
      const key = JSON.stringify([tenant, sub, roles]);
      let token = tokens.get(key);
      if (!token) tokens.set(key, (token = sign(privateKey, { tenant_id: tenant, roles, sub })));
      return token;
    },
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise((resolve) =>
              child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM')),
            ),
        ),
      );
      await dropDatabases(only.map(database));
    },
  };
}

// A JSON answer as the benches read it: they know each route's shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** One request to a service of the platform, as a caller of a tenant: its status and JSON body. */
export async function callService(
  platform: BenchPlatform,
  service: Service,
  caller: { readonly tenant: string; readonly sub: string; readonly roles: string[] },
  method: string,
  path: string,
  body?: string,
  contentType?: string,
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${platform.urls[service]}/api/${service}/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await platform.token(caller.tenant, caller.sub, caller.roles)}`,
      ...(contentType ? { 'content-type': contentType } : {}),
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The services' databases of this run: a bench leaves nothing behind. */
async function dropDatabases(names: readonly string[]): Promise<void> {
  const client = await new MongoClient(process.env['MONGODB_URI'] ?? '').connect();
  try {
    for (const name of names) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}

async function sign(key: KeyObject, claims: Record<string, unknown>): Promise<string> {
  const { SignJWT } = await import('jose');
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(String(sub))
    .setIssuer('tandem-bench')
    .setAudience('tandem')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(key);
}

async function waitReady(url: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if ((await fetch(url).catch(() => undefined))?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not ready: ${url}`);
}

function findWorkspaceRoot(): string {
  // Compiled into node_modules/.cache/tandem-bench/tools/bench/load: the workspace is above node_modules.
  const marker = `${path.sep}node_modules${path.sep}`;
  return __dirname.includes(marker)
    ? __dirname.slice(0, __dirname.indexOf(marker))
    : path.resolve(__dirname, '../../..');
}
