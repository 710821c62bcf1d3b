// Where the local infrastructure lives and which loopback ports it uses; every value can be
// overridden from the environment so two checkouts (or CI and a developer) can run side by side.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a port number between 1 and 65535, got "${raw}"`);
  }
  return value;
}

export function loadSettings() {
  const dataDir = path.resolve(workspaceRoot, process.env.TANDEM_DATA_DIR ?? '.data');
  const cacheDir = path.resolve(process.env.TANDEM_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'tandem'));
  return {
    workspaceRoot,
    host: '127.0.0.1',
    dataDir,
    cacheDir,
    logDir: path.join(dataDir, 'logs'),
    pidDir: path.join(dataDir, 'pids'),
    kafka: {
      port: port('TANDEM_KAFKA_PORT', 19092),
      controllerPort: port('TANDEM_KAFKA_CONTROLLER_PORT', 19093),
      heap: process.env.TANDEM_KAFKA_HEAP ?? '512m',
    },
    mongo: {
      engine: process.env.TANDEM_MONGO_ENGINE || 'secantus',
      port: port('TANDEM_MONGO_PORT', 37017),
    },
    secantus: {
      version: '0.5.3-beta.196',
      // The registry's checksums of the crates fetched to patch (crates.io index, field `cksum`).
      crateChecksums: {
        'secantus-mdb': '7f60aa460984d72e5b5dd3faeb1310d98eb594ebaf5f7c76d5ff7d208dd5c02f',
        'secantus-storage': '04b64f963c59c4cba228b861e62fe2a869a9154d4eeb681c19f1c401b59d8391',
      },
      // Crate → patch file in tools/infra/secantus (docs/adr/0010-patched-secantusdb-planner.md).
      patches: { 'secantus-storage': 'storage-planner-routing.patch' },
      cacheSize: process.env.TANDEM_MONGO_CACHE_SIZE || '1G',
      // How long a transaction left open by a killed process keeps its documents (MongoDB: 60 s).
      // Locally shorter, so a service killed mid-write (by a developer or a fault test) recovers soon.
      transactionLifetimeSeconds: Number(process.env.TANDEM_MONGO_TRANSACTION_LIFETIME_SECONDS || 10),
    },
    ferretdb: { version: 'v1.24.0' },
  };
}
