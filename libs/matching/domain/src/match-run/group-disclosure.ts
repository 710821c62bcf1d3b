/** How a mentee was counted by figures already shown: matched or not by a run, or only enrolled. */
export type MenteeStatus = 'matched' | 'unmatched' | 'enrolled';

/**
 * Figures shown before this run, as whom they counted and how: an earlier run of the program (its
 * pairs and unmatched mentees) or the program's enrolment. Ids are participant ids.
 */
export type DisclosureBaseline = ReadonlyMap<string, MenteeStatus>;

/**
 * The mentees whose status differs between a baseline and this run, by how it changed (`before→after`,
 * `absent` when not counted). Against an empty baseline this is the run itself: who it matched, who not.
 */
export function changesSince(
  baseline: DisclosureBaseline,
  current: ReadonlyMap<string, MenteeStatus>,
): Map<string, string[]> {
  const changes = new Map<string, string[]>();
  for (const id of new Set([...baseline.keys(), ...current.keys()])) {
    const before = baseline.get(id) ?? 'absent';
    const after = current.get(id) ?? 'absent';
    if (before === after) continue;
    const transition = `${before}→${after}`;
    const ids = changes.get(transition);
    if (ids) ids.push(id);
    else changes.set(transition, [id]);
  }
  return changes;
}

/**
 * A group's figures (mentees, matched) subtracted from the same group's figures of a baseline give,
 * per kind of change, how many of the changed mentees are in the group; subtracted from the run's
 * totals, how many are not. Either count between 1 and k-1 narrows a known handful of people (whose
 * ids the run lists) down to their group, so the group is not shown. Zero is safe: nobody changed.
 */
export function isolatesFewerThanK(
  members: ReadonlySet<string>,
  changes: readonly ReadonlyMap<string, readonly string[]>[],
  k: number,
): boolean {
  const small = (count: number) => count > 0 && count < k;
  return changes.some((byTransition) =>
    [...byTransition.values()].some((ids) => {
      const inGroup = ids.filter((id) => members.has(id)).length;
      return small(inGroup) || small(ids.length - inGroup);
    }),
  );
}
