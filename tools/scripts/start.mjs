// `npm start`: local Kafka and MongoDB-compatible server (unless KAFKA_BROKERS and MONGODB_URI are given), a fresh
// build, the four services, their URLs once all are ready; Ctrl-C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { devAuthEnvironment, devIssuer } from './dev-issuer.mjs';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const services = [
  { name: 'matching', port: envPort('MATCHING_PORT', 3001) },
  { name: 'goals', port: envPort('GOALS_PORT', 3002) },
  { name: 'sessions', port: envPort('SESSIONS_PORT', 3003) },
  { name: 'analytics', port: envPort('ANALYTICS_PORT', 3004) },
];
const readyTimeoutMs = 90_000;
const children = new Map();
let infraStartedHere = [];
let stopping = false;

function envPort(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) fail(`${name} must be a port number, got "${process.env[name]}"`);
  return value;
}

function fail(message) {
  process.stderr.write(`npm start: ${message}\n`);
  process.exit(1);
}

function node(script, args, options = {}) {
  return spawnSync(process.execPath, [path.join(workspaceRoot, script), ...args], { cwd: workspaceRoot, ...options });
}

function withDatabase(uri, database) {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!match) fail(`MONGODB_URI is not a MongoDB connection string: ${uri}`);
  return `${match[1]}/${database}${match[2] ?? ''}`;
}

function infrastructure() {
  if (process.env.KAFKA_BROKERS && process.env.MONGODB_URI) {
    console.log('infra: using KAFKA_BROKERS and MONGODB_URI from the environment');
    return { KAFKA_BROKERS: process.env.KAFKA_BROKERS, MONGODB_URI: process.env.MONGODB_URI };
  }
  const up = node('tools/infra/cli.mjs', ['up', '--json'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (up.status !== 0) fail('the local infrastructure did not start (see above)');
  const result = JSON.parse(up.stdout);
  infraStartedHere = Object.entries(result.started).filter(([, started]) => started).map(([name]) => name);
  return result.env;
}

// Token verification: AUTH_* from the environment when any is given (a real OIDC provider),
// otherwise the development issuer (`npm run token`), whose key pair is made on first use.
function authentication() {
  if (Object.keys(process.env).some((name) => name.startsWith('AUTH_'))) {
    console.log('auth: using AUTH_* from the environment');
    return {};
  }
  const env = devAuthEnvironment();
  console.log(`auth: development issuer "${devIssuer.issuer}" (key in ${env.AUTH_PUBLIC_KEY_FILE.replace(/public\.pem$/, '')})`);
  return env;
}

function prefixLines(stream, name, target) {
  let buffered = '';
  stream.on('data', (chunk) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop();
    for (const line of lines) target.write(`[${name}] ${line}\n`);
  });
}

function startService(service, infra, auth) {
  const env = {
    ...process.env,
    ...auth,
    // Request lines would drown this terminal; LOG_LEVEL=info shows them.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    PORT: String(service.port),
    KAFKA_BROKERS: infra.KAFKA_BROKERS,
    MONGODB_URI: withDatabase(infra.MONGODB_URI, `tandem_${service.name}`),
    // Names in goals and sessions lists come from matching's people directory.
    PEOPLE_DIRECTORY_URL:
      process.env.PEOPLE_DIRECTORY_URL ?? `http://127.0.0.1:${services.find((s) => s.name === 'matching').port}`,
    // A person's export in matching gathers the other services' parts of it.
    PERSONAL_DATA_SOURCES:
      process.env.PERSONAL_DATA_SOURCES ??
      services
        .filter((s) => s.name !== 'matching')
        .map((s) => `${s.name}=http://127.0.0.1:${s.port}`)
        .join(','),
  };
  // Own process group: Ctrl-C reaches only this script, which then stops the services in order
  // (an exit on the terminal's SIGINT would otherwise look like a crash).
  const child = spawn(process.execPath, ['--enable-source-maps', `dist/apps/${service.name}/src/main.js`], {
    cwd: workspaceRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixLines(child.stdout, service.name, process.stdout);
  prefixLines(child.stderr, service.name, process.stderr);
  children.set(service.name, child);
  console.log(`${service.name}: started (pid ${child.pid})`);
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping) {
      process.stderr.write(`${service.name} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything\n`);
      void stopAll(1);
    }
  });
}

async function waitUntilReady(service) {
  const url = `http://127.0.0.1:${service.port}/health/ready`;
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!stopping) throw new Error(`${service.name} was not ready within ${readyTimeoutMs / 1000} s (${url})`);
}

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping the services...');
  const exits = [...children.values()].map(
    (child) =>
      new Promise((resolve) => {
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  );
  await Promise.all(exits);
  if (infraStartedHere.length > 0 && process.env.TANDEM_KEEP_INFRA !== '1') {
    node('tools/infra/cli.mjs', ['down', ...infraStartedHere], { stdio: 'inherit' });
  }
  console.log('stopped.');
  process.exit(exitCode);
}

// `npm start -- --demo` (or TANDEM_DEMO=1): seed a demo tenant through the public APIs once up.
const demoRequested = process.argv.includes('--demo') || process.env.TANDEM_DEMO === '1';

async function runDemo(auth) {
  if (!auth.AUTH_ISSUER) {
    console.log('demo: skipped, it signs its tokens with the development issuer and AUTH_* points elsewhere');
    return;
  }
  const { seedDemo } = await import('../demo/seed-demo.mjs');
  try {
    await seedDemo({ ports: Object.fromEntries(services.map((s) => [s.name, s.port])) });
  } catch (error) {
    process.stderr.write(`demo: stopped: ${error.message}\n(the services keep running)\n`);
  }
}

async function main() {
  // Last resort if this script dies some other way: take the services with it.
  process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  const infra = infrastructure();
  const auth = authentication();
  if (node('tools/scripts/build.mjs', [], { stdio: 'inherit' }).status !== 0) fail('the build failed');
  for (const service of services) startService(service, infra, auth);
  const started = Date.now();
  await Promise.all(services.map(waitUntilReady));
  if (stopping) return;
  console.log(`\nTandem is up (all four services ready in ${((Date.now() - started) / 1000).toFixed(1)} s):`);
  for (const { name, port } of services) {
    console.log(`  ${name.padEnd(10)} http://127.0.0.1:${port}/api/${name}/v1   health: http://127.0.0.1:${port}/health/ready`);
  }
  console.log(`  Kafka      ${infra.KAFKA_BROKERS}\n  MongoDB    ${infra.MONGODB_URI}`);
  if (auth.AUTH_ISSUER) console.log('  Token      npm run -s token -- --tenant acme --sub u-1 --roles program-admin');
  if (demoRequested) await runDemo(auth);
  console.log('Press Ctrl-C to stop.');
}

main().catch(async (error) => {
  process.stderr.write(`npm start: ${error.message}\n`);
  await stopAll(1);
});
