// SecantusDB (MongoDB wire protocol on WiredTiger, single node) built from its crate on crates.io
// and run on loopback. The default local engine: see docs/adr/0001-local-mongodb-engine.md.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mongoEngineProcess } from './mongo-engine.mjs';
import { runStep } from './processes.mjs';
import { cargoCommand, requireCargo, requireCmake } from './toolchain.mjs';

const crate = 'secantus-mdb';

function paths(settings) {
  const { version } = settings.secantus;
  const installRoot = path.join(settings.cacheDir, `${crate}-${version}`);
  return {
    installRoot,
    binary: path.join(installRoot, 'bin', 'secantusd-rs'),
    storage: path.join(settings.dataDir, 'secantus', 'wt'),
    config: path.join(settings.dataDir, 'secantus', 'secantusd.toml'),
    pidFile: path.join(settings.pidDir, 'mongo.pid'),
    logFile: path.join(settings.logDir, 'secantus.log'),
  };
}

/**
 * Builds the server once into the cache with `cargo install` (it compiles WiredTiger with cmake:
 * a few minutes cold, then cached). Every published version declares a newer `rust-version` than
 * stable Rust had when we pinned it, though it builds with the older one: hence
 * `--ignore-rust-version`; `--locked` keeps the crate's own dependency versions.
 */
function ensureBinary(settings, say) {
  const p = paths(settings);
  if (existsSync(p.binary)) return p.binary;
  requireCargo();
  requireCmake();
  const { version } = settings.secantus;
  say(`mongo: building SecantusDB ${version} from crates.io into ${p.installRoot} (first run only, about 5 min)`);
  mkdirSync(p.installRoot, { recursive: true });
  runStep('building SecantusDB with cargo', cargoCommand(), [
    'install', crate, '--version', version, '--locked', '--ignore-rust-version', '--root', p.installRoot,
  ], { env: { ...process.env, CARGO_TERM_COLOR: 'never' } });
  return p.binary;
}

export const secantus = mongoEngineProcess({
  name: 'secantus',
  label: 'SecantusDB',
  version: (settings) => settings.secantus.version,
  paths,
  ensureBinary,
  readyTimeoutMs: 60_000,
  parameters: (settings) => ({ transactionLifetimeLimitSeconds: settings.secantus.transactionLifetimeSeconds }),
  launch(settings, p) {
    mkdirSync(p.storage, { recursive: true });
    // An explicit (empty) config file: otherwise the server would pick up a secantusd.toml from
    // the working directory, ~/.secantus or /etc/secantus. Everything it needs is on the command line.
    writeFileSync(p.config, '# Tandem passes every setting as a flag (tools/infra/secantus.mjs).\n');
    const args = [
      '--config', p.config,
      '--host', settings.host,
      '--port', String(settings.mongo.port),
      '--storage-path', p.storage,
      // WiredTiger's cache; the server's default (4G) is sized for a machine of its own.
      '--cache-size', settings.secantus.cacheSize,
      '--log-level', 'WARNING',
    ];
    return { args, cwd: p.storage };
  },
});
