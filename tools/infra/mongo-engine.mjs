// What every local database engine shares: one process on the mongo port, started detached with a
// pid file, ready once it answers a ping. An engine module says how to build it and what to run.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { portIsOpen, runningPid, startDetached, stopProcess, waitUntil } from './processes.mjs';

const require = createRequire(import.meta.url);

function adminClient(settings) {
  const { MongoClient } = require('mongodb');
  return new MongoClient(`mongodb://${settings.host}:${settings.mongo.port}/?directConnection=true`, {
    serverSelectionTimeoutMS: 1000,
  });
}

async function answersPing(settings) {
  const client = adminClient(settings);
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close();
  }
}

/** Server parameters that do not survive a restart, set each time it starts (`setParameter`). */
async function setParameters(settings, parameters) {
  if (!parameters || Object.keys(parameters).length === 0) return;
  const client = adminClient(settings);
  try {
    await client.db('admin').command({ setParameter: 1, ...parameters });
  } finally {
    await client.close();
  }
}

/**
 * An engine from its parts: `paths(settings)` (binary, pidFile, logFile, and optionally processMarker:
 * what its command line holds when the binary path alone would not find a server built earlier), `ensureBinary(settings, say)`,
 * `launch(settings, paths)` → { args, cwd } (prepares its directories), `label` and `version(settings)`,
 * and optionally `parameters(settings)`: server parameters set once it answers.
 */
export function mongoEngineProcess({ name, label, version, paths, ensureBinary, launch, readyTimeoutMs, parameters }) {
  return {
    name,
    version,

    async up(settings, say) {
      const p = paths(settings);
      const address = `${settings.host}:${settings.mongo.port}`;
      const running = runningPid(p.pidFile, p.processMarker ?? p.binary);
      if (running !== undefined) {
        say(`mongo: ${label} already running (pid ${running}) on ${address}`);
        return { started: false, pid: running };
      }
      const binary = await ensureBinary(settings, say);
      if (await portIsOpen(settings.host, settings.mongo.port)) {
        throw new Error(`mongo: port ${settings.mongo.port} is taken by another process; set TANDEM_MONGO_PORT`);
      }
      const { args, cwd } = launch(settings, p);
      const pid = startDetached({ command: binary, args, cwd, env: process.env, logFile: p.logFile, pidFile: p.pidFile });
      say(`mongo: starting ${label} ${version(settings)} (pid ${pid}) on ${address}, log ${p.logFile}`);
      await waitUntil(name, () => answersPing(settings), { timeoutMs: readyTimeoutMs, pid, logFile: p.logFile });
      await setParameters(settings, parameters?.(settings));
      return { started: true, pid };
    },

    down(settings) {
      const p = paths(settings);
      return stopProcess(p.pidFile, p.processMarker ?? p.binary);
    },

    status(settings) {
      const p = paths(settings);
      const pid = runningPid(p.pidFile, p.processMarker ?? p.binary);
      return { running: pid !== undefined, pid, cached: existsSync(p.binary), log: p.logFile, binary: p.binary };
    },
  };
}
