/** Tags match case-insensitively once trimmed: "Public Speaking " and "public speaking" are one tag. */
export function normaliseTag(value: string): string {
  return value.trim().toLowerCase();
}

/** The distinct tags of a list, in the list's order, spelled as they were first written there. */
export function distinctTags(values: readonly string[]): { readonly key: string; readonly label: string }[] {
  const seen = new Set<string>();
  const tags: { key: string; label: string }[] = [];
  for (const value of values) {
    const key = normaliseTag(value);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push({ key, label: value.trim() });
  }
  return tags;
}

/**
 * Gives every distinct normalised tag a small integer, so the hot path compares sorted integer
 * arrays instead of hashing strings.
 */
export class TagInterner {
  private readonly ids = new Map<string, number>();

  /** -1 for a missing or blank value. */
  idOf(value: string | undefined): number {
    if (value === undefined) return -1;
    const key = normaliseTag(value);
    if (key === '') return -1;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }

  /** Sorted, without duplicates or blanks. */
  idsOf(values: readonly string[]): Int32Array {
    const unique = new Set<number>();
    for (const value of values) {
      const id = this.idOf(value);
      if (id >= 0) unique.add(id);
    }
    return Int32Array.from(unique).sort();
  }
}

/** Size of the intersection of two sorted id arrays, without allocating. */
export function countCommon(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}

/** A membership table for a sorted id array: bit `id` is set for each id in it. */
export function bitsOf(ids: Int32Array): Int32Array {
  const bits = new Int32Array(ids.length === 0 ? 0 : ((ids[ids.length - 1] as number) >>> 5) + 1);
  for (const id of ids) bits[id >>> 5] = (bits[id >>> 5] as number) | (1 << (id & 31));
  return bits;
}

/** How many of `ids` are set in `bits`: a few bit tests, no allocation, no unpredictable merge loop. */
export function countIn(ids: Int32Array, bits: Int32Array): number {
  let count = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const word = id >>> 5;
    if (word < bits.length && ((bits[word] as number) >>> (id & 31)) & 1) count++;
  }
  return count;
}

export function unionOf(a: Int32Array, b: Int32Array): Int32Array {
  return Int32Array.from(new Set([...a, ...b])).sort();
}
