// The local MongoDB-compatible server: one engine at a time on one port, chosen with
// TANDEM_MONGO_ENGINE (default secantus; ferretdb kept to compare against the conformance suite).
import { ferretdb } from './ferretdb.mjs';
import { secantus } from './secantus.mjs';

export const mongoEngines = { secantus, ferretdb };

export function mongoEngine(settings) {
  const engine = mongoEngines[settings.mongo.engine];
  if (!engine) {
    throw new Error(`TANDEM_MONGO_ENGINE must be one of ${Object.keys(mongoEngines).join(', ')}, got "${settings.mongo.engine}"`);
  }
  return engine;
}

export const mongoUp = (settings, say) => mongoEngine(settings).up(settings, say);

/** Stops whichever engine this data directory's pid file names (the engine may have been switched since). */
export async function mongoDown(settings) {
  // Asking an engine that is not the one running would clear the other's pid file as stale.
  const running = Object.values(mongoEngines).find((engine) => engine.status(settings).running);
  return (running ?? mongoEngine(settings)).down(settings);
}

export function mongoStatus(settings) {
  const engine = mongoEngine(settings);
  return {
    name: 'mongo',
    engine: engine.name,
    version: engine.version(settings),
    address: `${settings.host}:${settings.mongo.port}`,
    ...engine.status(settings),
  };
}
