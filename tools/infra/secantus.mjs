// SecantusDB (MongoDB wire protocol on WiredTiger, single node) built from its crate on crates.io
// (with Tandem's patches) and run on loopback. The default local engine: see docs/adr/0001-local-mongodb-engine.md.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mongoEngineProcess } from './mongo-engine.mjs';
import { buildPatchedServer, patchSet } from './secantus/build.mjs';

const crate = 'secantus-mdb';

function paths(settings) {
  const { version } = settings.secantus;
  const installRoot = path.join(settings.cacheDir, `${crate}-${version}-tandem.${patchSet(settings).fingerprint}`);
  const storage = path.join(settings.dataDir, 'secantus', 'wt');
  return {
    installRoot,
    // Our server is the one on this checkout's data, whichever build of it (version, patches) runs.
    processMarker: `--storage-path ${storage}`,
    binary: path.join(installRoot, 'bin', 'secantusd-rs'),
    storage,
    config: path.join(settings.dataDir, 'secantus', 'secantusd.toml'),
    pidFile: path.join(settings.pidDir, 'mongo.pid'),
    logFile: path.join(settings.logDir, 'secantus.log'),
  };
}

/** Builds the patched server once into the cache (`secantus/build.mjs`), keyed by version and patches. */
async function ensureBinary(settings, say) {
  const p = paths(settings);
  if (existsSync(p.binary)) return p.binary;
  return buildPatchedServer(settings, p.installRoot, say);
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
