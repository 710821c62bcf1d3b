import { z } from 'zod';
import { ScimError } from './scim-error';
import { SCIM } from './scim-urns';
import { parseValueFilter, type ValueFilter } from './value-filter';

const operation = z.looseObject({
  op: z.string(),
  path: z.string().optional(),
  value: z.unknown().optional(),
});
/** RFC 7644 §3.5.2 PatchOp; `Operations` as the RFC spells it (some clients send `operations`). */
export const scimPatchBody = z.looseObject({
  schemas: z.array(z.string()).optional(),
  Operations: z.array(operation).optional(),
  operations: z.array(operation).optional(),
});
export type ScimPatchBody = z.infer<typeof scimPatchBody>;
type Operation = z.infer<typeof operation>;
type Json = Record<string, unknown>;

/** Attribute names are case-insensitive in SCIM: these are spelt as the User schema spells them. */
const CANONICAL = new Map(
  [
    'userName',
    'externalId',
    'displayName',
    'name',
    'givenName',
    'familyName',
    'formatted',
    'emails',
    'photos',
    'title',
    'preferredLanguage',
    'timezone',
    'active',
    'department',
    'manager',
    'value',
    'type',
    'primary',
  ].map((name) => [name.toLowerCase(), name]),
);
const canonical = (name: string) => CANONICAL.get(name.toLowerCase()) ?? name;

/**
 * Applies a PatchOp's operations, in order, to a SCIM User resource (a copy; the original is not
 * changed). Supports the paths Okta and Entra ID send: none (a value object of attributes),
 * `attr`, `attr.sub`, `attr[sub eq "v"]`, `attr[sub eq "v"].sub`, and the enterprise extension's
 * attributes by their URN. Attributes Tandem does not keep are accepted and end up ignored.
 */
export function applyScimPatch(user: Json, body: ScimPatchBody): Json {
  const operations = body.Operations ?? body.operations;
  if (!operations || operations.length === 0)
    throw new ScimError(400, 'Operations: at least one operation is required', 'invalidSyntax');
  const result = structuredClone(user);
  for (const op of operations) applyOperation(result, op);
  return result;
}

function applyOperation(user: Json, { op, path, value }: Operation): void {
  const kind = op.toLowerCase();
  if (kind !== 'add' && kind !== 'replace' && kind !== 'remove')
    throw new ScimError(400, `op "${op}" is not add, replace or remove`, 'invalidSyntax');
  if (path === undefined || path.trim() === '') {
    if (kind === 'remove') throw new ScimError(400, 'remove needs a path', 'noTarget');
    if (!isObject(value))
      throw new ScimError(
        400,
        `${op} without a path needs an object of attributes as its value`,
        'invalidValue',
      );
    for (const [key, attributeValue] of Object.entries(value)) {
      if (key === SCIM.enterpriseUser && isObject(attributeValue)) {
        for (const [sub, subValue] of Object.entries(attributeValue))
          applyAt(user, kind, `${SCIM.enterpriseUser}:${sub}`, subValue);
      } else applyAt(user, kind, key, attributeValue);
    }
    return;
  }
  applyAt(user, kind, path, value);
}

interface ParsedPath {
  readonly container: Json;
  readonly attribute: string;
  readonly filter?: ValueFilter;
  readonly sub?: string;
}

const PATH = /^([A-Za-z][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z][\w$-]*))?$/;

function parsePath(user: Json, path: string): ParsedPath {
  let container = user;
  let rest = path.trim();
  const enterprisePrefix = `${SCIM.enterpriseUser}:`;
  if (rest.toLowerCase().startsWith(enterprisePrefix.toLowerCase())) {
    const extension = isObject(user[SCIM.enterpriseUser]) ? (user[SCIM.enterpriseUser] as Json) : {};
    user[SCIM.enterpriseUser] = extension;
    container = extension;
    rest = rest.slice(enterprisePrefix.length);
  } else if (rest.toLowerCase().startsWith(`${SCIM.user}:`.toLowerCase())) {
    rest = rest.slice(SCIM.user.length + 1);
  }
  const match = PATH.exec(rest);
  if (!match)
    throw new ScimError(400, `path "${path}" is not an attribute path this endpoint supports`, 'invalidPath');
  const [, attribute = '', filterText, sub] = match;
  const filter = filterText === undefined ? undefined : parseValueFilter(filterText, canonical);
  return {
    container,
    attribute: canonical(attribute),
    ...(filter ? { filter } : {}),
    ...(sub ? { sub: canonical(sub) } : {}),
  };
}

function applyAt(user: Json, kind: 'add' | 'replace' | 'remove', path: string, value: unknown): void {
  const { container, attribute, filter, sub } = parsePath(user, path);
  if (filter) return applyToMatches(container, kind, attribute, filter, sub, value);
  if (sub) {
    const parent = isObject(container[attribute]) ? (container[attribute] as Json) : {};
    container[attribute] = parent;
    if (kind === 'remove') delete parent[sub];
    else parent[sub] = value;
    return;
  }
  if (kind === 'remove') {
    delete container[attribute];
    return;
  }
  const current = container[attribute];
  if (kind === 'add' && Array.isArray(current) && Array.isArray(value)) {
    const values = new Set(current.map((item) => JSON.stringify(isObject(item) ? item['value'] : item)));
    container[attribute] = [
      ...current,
      ...value.filter((item) => !values.has(JSON.stringify(isObject(item) ? item['value'] : item))),
    ];
  } else if (isObject(current) && isObject(value)) {
    container[attribute] = { ...current, ...value };
  } else {
    container[attribute] = value;
  }
}

/** Operations on the entries of a multi-valued attribute that match `[attribute eq "value"]`. */
function applyToMatches(
  container: Json,
  kind: 'add' | 'replace' | 'remove',
  attribute: string,
  filter: NonNullable<ParsedPath['filter']>,
  sub: string | undefined,
  value: unknown,
): void {
  const entries = Array.isArray(container[attribute])
    ? (container[attribute] as unknown[]).filter(isObject)
    : [];
  const matches = (entry: Json) => filter.matches(entry);
  if (kind === 'remove') {
    container[attribute] = sub
      ? entries.map((entry) => (matches(entry) ? withoutKey(entry, sub) : entry))
      : entries.filter((entry) => !matches(entry));
    return;
  }
  const update = (entry: Json): Json =>
    sub ? { ...entry, [sub]: value } : { ...entry, ...(isObject(value) ? value : { value }) };
  if (entries.some(matches)) {
    container[attribute] = entries.map((entry) => (matches(entry) ? update(entry) : entry));
    return;
  }
  // No entry of that kind yet: add and replace both create it (Entra ID sets a new work e-mail this way).
  if (!filter.creates)
    throw new ScimError(400, `no ${attribute} entry matches the path's filter`, 'noTarget');
  container[attribute] = [...entries, update({ ...filter.creates })];
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const withoutKey = (entry: Json, key: string): Json =>
  Object.fromEntries(Object.entries(entry).filter(([k]) => k !== key));
