/** One stream as a replay saw it: the distinct stream versions of its events. */
export interface ReplayedStream {
  readonly tenantId: string;
  readonly streamId: string;
  readonly versions: readonly number[];
}

/** One partition at the start of a replay: its first offset still on the broker. */
export interface ReplayedPartition {
  readonly topic: string;
  readonly partition: number;
  readonly firstOffset: number;
}

export interface IncompleteStream {
  readonly tenantId: string;
  readonly streamId: string;
  /** The first missing versions, ascending (at most MAX_MISSING_SHOWN). */
  readonly missingVersions: readonly number[];
}

export type ReplayCompleteness =
  | { readonly complete: true }
  | {
      readonly complete: false;
      /** Partitions whose first records were deleted: events of unknown streams are gone. */
      readonly truncatedPartitions: readonly ReplayedPartition[];
      readonly incompleteStreams: readonly IncompleteStream[];
    };

export const MAX_MISSING_SHOWN = 20;

/** Versions 1..max that a stream lacks, the first few only. */
export function missingVersionsOf(versions: readonly number[]): number[] {
  const seen = new Set(versions);
  const max = Math.max(0, ...versions);
  const missing: number[] = [];
  for (let version = 1; version <= max && missing.length < MAX_MISSING_SHOWN; version += 1)
    if (!seen.has(version)) missing.push(version);
  return missing;
}

/**
 * Whether a replay saw the whole history: no partition lost its first records, and every stream
 * starts at version 1 and has no gap. A stream whose every event was deleted leaves no trace in
 * the replay; the partitions' first offsets are what reveal that.
 */
export function replayCompleteness(
  partitions: readonly ReplayedPartition[],
  streams: Iterable<ReplayedStream>,
): ReplayCompleteness {
  const truncatedPartitions = partitions.filter((p) => p.firstOffset > 0);
  const incompleteStreams: IncompleteStream[] = [];
  for (const { tenantId, streamId, versions } of streams) {
    const missingVersions = missingVersionsOf(versions);
    if (missingVersions.length > 0) incompleteStreams.push({ tenantId, streamId, missingVersions });
  }
  return truncatedPartitions.length === 0 && incompleteStreams.length === 0
    ? { complete: true }
    : { complete: false, truncatedPartitions, incompleteStreams };
}
