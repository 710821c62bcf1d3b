// FerretDB 1.24 (MongoDB wire protocol on SQLite) built from its Go module and run on loopback.
// Kept as an option (TANDEM_MONGO_ENGINE=ferretdb) to show where it breaks the conformance suite;
// it is not the default: docs/adr/0001-local-mongodb-engine.md.
import { chmodSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mongoEngineProcess } from './mongo-engine.mjs';
import { runStep } from './processes.mjs';
import { requireGo } from './toolchain.mjs';

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

export const ferretdb = mongoEngineProcess({
  name: 'ferretdb',
  label: 'FerretDB',
  version: (settings) => settings.ferretdb.version,
  paths,
  ensureBinary,
  readyTimeoutMs: 30_000,
  launch(settings, p) {
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
    return { args, cwd: p.stateDir };
  },
});
