// FerretDB 1.24 (MongoDB wire protocol on SQLite) built from its Go module and run on loopback.
// Kept as an option (TANDEM_MONGO_ENGINE=ferretdb) to show where it breaks the conformance suite;
// it is not the default: docs/adr/0001-local-mongodb-engine.md.
import { chmodSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { portIsOpen, runningPid, runStep, startDetached, stopProcess, waitUntil } from './processes.mjs';
import { requireGo } from './toolchain.mjs';

const require = createRequire(import.meta.url);
const modulePath = 'github.com/FerretDB/FerretDB';

function paths(settings) {
  const buildDir = path.join(settings.cacheDir, `ferretdb-${settings.ferretdb.version}`);
  return {
    buildDir,
    binary: path.join(buildDir, 'ferretdb'),
    sqliteDir: path.join(settings.dataDir, 'ferretdb', 'sqlite'),
    stateDir: path.join(settings.dataDir, 'ferretdb', 'state'),
    pidFile: path.join(settings.pidDir, 'mongo.pid'),
    logFile: path.join(settings.logDir, 'ferretdb.log'),
  };
}

/**
 * Builds the binary once into the cache. `go install …@v1.24.0` would compile, but the binary
 * panics at start because the module zip lacks the generated build/version/version.txt; so we
 * build from the same module source with that file written, as FerretDB's build docs describe.
 */
function ensureBinary(settings, say) {
  const p = paths(settings);
  if (existsSync(p.binary)) return p.binary;
  requireGo();
  const { version } = settings.ferretdb;
  say(`ferretdb: building FerretDB ${version} from its Go module into ${p.buildDir} (first run only, ~2 min)`);
  const goEnv = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=readonly', CGO_ENABLED: '0' };
  const downloaded = JSON.parse(runStep('downloading the FerretDB module', 'go',
    ['mod', 'download', '-json', `${modulePath}@${version}`], { env: goEnv }));
  const source = path.join(p.buildDir, 'src');
  rmSync(source, { recursive: true, force: true });
  mkdirSync(p.buildDir, { recursive: true });
  cpSync(downloaded.Dir, source, { recursive: true });
  chmodSync(path.join(source, 'build', 'version'), 0o755);
  writeFileSync(path.join(source, 'build', 'version', 'version.txt'), `${version}\n`);
  runStep('building FerretDB', 'go', ['build', '-trimpath', '-o', p.binary, './cmd/ferretdb'],
    { cwd: source, env: goEnv });
  rmSync(source, { recursive: true, force: true });
  return p.binary;
}

async function answersPing(settings) {
  const { MongoClient } = require('mongodb');
  const client = new MongoClient(`mongodb://${settings.host}:${settings.mongo.port}/?directConnection=true`, {
    serverSelectionTimeoutMS: 1000,
  });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close();
  }
}

export const ferretdb = {
  name: 'ferretdb',
  version: (settings) => settings.ferretdb.version,

  async up(settings, say) {
    const p = paths(settings);
    const running = runningPid(p.pidFile, p.binary);
    if (running !== undefined) {
      say(`ferretdb: already running (pid ${running}) on ${settings.host}:${settings.mongo.port}`);
      return { started: false, pid: running };
    }
    const binary = ensureBinary(settings, say);
    if (await portIsOpen(settings.host, settings.mongo.port)) {
      throw new Error(`ferretdb: port ${settings.mongo.port} is taken by another process; set TANDEM_MONGO_PORT`);
    }
    mkdirSync(p.sqliteDir, { recursive: true });
    mkdirSync(p.stateDir, { recursive: true });
    const args = [
      '--handler=sqlite',
      `--sqlite-url=file:${p.sqliteDir}/`,
      `--listen-addr=${settings.host}:${settings.mongo.port}`,
      `--state-dir=${p.stateDir}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ];
    const pid = startDetached({ command: binary, args, cwd: p.stateDir, env: process.env, logFile: p.logFile, pidFile: p.pidFile });
    say(`ferretdb: starting FerretDB ${settings.ferretdb.version} (pid ${pid}), log ${p.logFile}`);
    await waitUntil('ferretdb', () => answersPing(settings), { timeoutMs: 30_000, pid, logFile: p.logFile });
    return { started: true, pid };
  },

  down(settings) {
    const p = paths(settings);
    return stopProcess(p.pidFile, p.binary);
  },

  status(settings) {
    const p = paths(settings);
    const pid = runningPid(p.pidFile, p.binary);
    return { running: pid !== undefined, pid, cached: existsSync(p.binary), log: p.logFile, binary: p.binary };
  },
};
