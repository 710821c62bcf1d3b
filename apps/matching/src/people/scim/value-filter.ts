import { ScimError } from './scim-error';

type Entry = Record<string, unknown>;

/** A filter on the entries of a multi-valued attribute, e.g. `type eq "work" and value ew "example.com"`. */
export interface ValueFilter {
  matches(entry: Entry): boolean;
  /** For a filter of `eq` terms joined by `and`: the entry an add or replace creates when none matches. */
  readonly creates?: Entry;
}

type Comparison = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
interface Term {
  readonly attribute: string;
  readonly op: Comparison | 'pr';
  readonly value?: string | number | boolean;
}

const TERM =
  /^\s*([A-Za-z][\w$-]*)\s+(?:(pr)\b|(eq|ne|co|sw|ew|gt|ge|lt|le)\s+("(?:[^"\\]|\\.)*"|true|false|-?\d+(?:\.\d+)?))\s*/i;
const JOIN = /^\s*(and|or)\s+/i;

/**
 * RFC 7644 §3.4.2.2 filters as PATCH value paths use them: comparisons on the entry's
 * sub-attributes joined by `and` (binding first) and `or`; no parentheses or `not`. Strings
 * compare without case, as the User schema's sub-attributes (type, value) are caseExact false.
 */
export function parseValueFilter(text: string, canonical: (name: string) => string): ValueFilter {
  const alternatives: Term[][] = [[]];
  let rest = text;
  for (;;) {
    const term = TERM.exec(rest);
    if (!term)
      throw new ScimError(
        400,
        `filter [${text}]: expected "attribute op value" at "${rest.trim()}"`,
        'invalidFilter',
      );
    const [whole, attribute = '', present, op, raw] = term;
    alternatives.at(-1)?.push({
      attribute: canonical(attribute),
      op: present ? 'pr' : ((op ?? 'eq').toLowerCase() as Comparison),
      ...(raw === undefined ? {} : { value: valueOf(raw) }),
    });
    rest = rest.slice(whole.length);
    if (rest.trim() === '') break;
    const join = JOIN.exec(rest);
    if (!join)
      throw new ScimError(
        400,
        `filter [${text}]: expected "and" or "or" at "${rest.trim()}"`,
        'invalidFilter',
      );
    if (join[1]?.toLowerCase() === 'or') alternatives.push([]);
    rest = rest.slice(join[0].length);
  }
  const only = alternatives.length === 1 ? alternatives[0] : undefined;
  const creates =
    only && only.every((t) => t.op === 'eq')
      ? Object.fromEntries(only.map((t) => [t.attribute, t.value]))
      : undefined;
  return {
    matches: (entry) =>
      alternatives.some((terms) => terms.every((term) => holds(term, entry[term.attribute]))),
    ...(creates ? { creates } : {}),
  };
}

function valueOf(raw: string): string | number | boolean {
  if (raw.startsWith('"')) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return Number(raw);
}

function holds({ op, value }: Term, actual: unknown): boolean {
  if (op === 'pr') return actual !== undefined && actual !== null && actual !== '';
  if (typeof value === 'string') {
    const a = String(actual ?? '').toLowerCase();
    const v = value.toLowerCase();
    switch (op) {
      case 'eq':
        return actual !== undefined && a === v;
      case 'ne':
        return a !== v;
      case 'co':
        return a.includes(v);
      case 'sw':
        return a.startsWith(v);
      case 'ew':
        return a.endsWith(v);
      default:
        return compare(op, a.localeCompare(v));
    }
  }
  if (op === 'eq') return actual === value || String(actual).toLowerCase() === String(value);
  if (op === 'ne') return !(actual === value || String(actual).toLowerCase() === String(value));
  if (typeof value === 'number' && typeof actual === 'number') return compare(op, actual - value);
  return false;
}

const compare = (op: Comparison, difference: number): boolean =>
  op === 'gt'
    ? difference > 0
    : op === 'ge'
      ? difference >= 0
      : op === 'lt'
        ? difference < 0
        : op === 'le'
          ? difference <= 0
          : false;
