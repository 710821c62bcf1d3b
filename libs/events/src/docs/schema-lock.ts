import { createHash } from 'node:crypto';
import type { EventDefinition } from '../define-event';
import { eventCatalogue } from '../registry';
import { canonicalJson, jsonFile } from './canonical-json';
import { dataJsonSchema } from './json-schemas';

// Once a version is on a topic, its schema is a promise to every consumer and to every record
// already stored: it may never change. The lock remembers what each published version looked like.

/** The lock file, relative to libs/events. */
export const lockFilePath = 'published-schemas.lock.json';

/** `<type>@v<N>` → sha256 (hex) of that version's canonical JSON Schema. */
export type SchemaLock = Readonly<Record<string, string>>;

export const lockKey = (type: string, version: number): string => `${type}@v${version}`;

const lockKeyPattern = /^[a-z][a-z.-]*@v[1-9]\d*$/;
const sha256Pattern = /^[0-9a-f]{64}$/;

/** The hash of every version in the catalogue, by lock key. */
export function schemaHashes(catalogue: readonly EventDefinition[] = eventCatalogue): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const definition of catalogue) {
    for (const { version, schema } of definition.versions) {
      const hash = createHash('sha256')
        .update(canonicalJson(dataJsonSchema(schema)))
        .digest('hex');
      hashes.set(lockKey(definition.type, version), hash);
    }
  }
  return hashes;
}

/** Every locked version that changed in place or left the catalogue; empty when the lock holds. */
export function lockViolations(lock: SchemaLock, current: ReadonlyMap<string, string>): string[] {
  const violations: string[] = [];
  for (const [key, hash] of Object.entries(lock)) {
    const { type, version } = splitKey(key);
    const now = current.get(key);
    if (now === undefined) {
      violations.push(
        `${type} v${version} was published but is gone from the catalogue: keep it in \`older\` with an upcaster`,
      );
    } else if (now !== hash) {
      const next = newestVersion(type, current) + 1;
      violations.push(`${type} v${version} changed in place: add version ${next} with an upcaster instead`);
    }
  }
  return violations;
}

/** The lock with an entry added for every version it does not know yet; existing entries stay as they are. */
export function extendLock(
  lock: SchemaLock,
  current: ReadonlyMap<string, string>,
): { lock: SchemaLock; added: string[] } {
  const added = [...current].filter(([key]) => !Object.hasOwn(lock, key));
  return { lock: { ...lock, ...Object.fromEntries(added) }, added: added.map(([key]) => key) };
}

export function renderLock(lock: SchemaLock): string {
  return jsonFile(lock);
}

/** Reads the lock file's content; throws naming the bad entries, since a lock nobody can read guards nothing. */
export function parseLock(content: string, name = lockFilePath): SchemaLock {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new Error(`${name} is not JSON: ${(error as Error).message}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new Error(`${name} is not a JSON object`);
  const problems = Object.entries(json).flatMap(([key, hash]) => [
    ...(lockKeyPattern.test(key) ? [] : [`"${key}" is not <type>@v<N>`]),
    ...(typeof hash === 'string' && sha256Pattern.test(hash) ? [] : [`"${key}" must map to a sha256 in hex`]),
  ]);
  if (problems.length > 0) throw new Error(`${name} is malformed: ${problems.join('; ')}`);
  return json as SchemaLock;
}

function splitKey(key: string): { type: string; version: number } {
  const at = key.lastIndexOf('@v');
  return { type: key.slice(0, at), version: Number(key.slice(at + 2)) };
}

function newestVersion(type: string, current: ReadonlyMap<string, string>): number {
  const versions = [...current.keys()].map(splitKey).filter((entry) => entry.type === type);
  return Math.max(0, ...versions.map((entry) => entry.version));
}
