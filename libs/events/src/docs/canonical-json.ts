// Generated docs must come out byte-identical on every run, and the schema lock must not change
// when nothing but declaration order did: both go through this one canonical form.

/**
 * A copy of a JSON value with object keys sorted, and JSON Schema `required` lists sorted too
 * (they are sets), so equal schemas serialise to equal bytes.
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, child]) => [key, isStringList(key, child) ? [...child].sort() : canonical(child)]);
  return Object.fromEntries(entries);
}

const isStringList = (key: string, value: unknown): value is string[] =>
  key === 'required' && Array.isArray(value) && value.every((item) => typeof item === 'string');

/** A committed JSON file: canonical, two-space indented, newline at the end. */
export function jsonFile(value: unknown): string {
  return `${JSON.stringify(canonical(value), null, 2)}\n`;
}

/** The compact canonical form that hashes are taken of. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}
