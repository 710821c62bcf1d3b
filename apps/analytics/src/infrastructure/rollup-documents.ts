import type { RelationshipProgress, SummaryCounters } from '@tandem/analytics-domain';

/** One shard of a program's summary counters: the program's rollup is the sum of its shards. */
export interface RollupDocument {
  /** `<tenant>/<program>/<shard>`. */
  _id: string;
  tenantId: string;
  programId: string;
  counters: SummaryCounters;
  matchedMentees: number;
}

/** How many of a program's started relationships count a mentee. */
export interface MenteeMatchDocument {
  /** `<tenant>/<program>/<mentee>`. */
  _id: string;
  relationships: number;
}

/** Shards per program: concurrent transactions (one per consumed batch) rarely pick the same one. */
export const ROLLUP_SHARDS = 8;

export const rollupDocumentId = (tenantId: string, programId: string, shard: number): string =>
  `${tenantId}/${programId}/${shard}`;

export const menteeMatchId = (tenantId: string, programId: string, menteeId: string): string =>
  `${tenantId}/${programId}/${menteeId}`;

/** A mentee's way through a program's funnel: their enrolments and what each of their relationships tells. */
export interface JourneyDocument {
  /** `<tenant>/<program>/<mentee>`. */
  _id: string;
  tenantId: string;
  programId: string;
  menteeId: string;
  /** Participant id → enrolled at (a mentee enrolled twice walks the funnel twice, as the facts say). */
  enrolments?: Record<string, string | null>;
  /** Relationship id (as a field name, see `fieldKey`) → its progress. */
  relationships?: Record<string, RelationshipProgress>;
}

export const journeyId = (tenantId: string, programId: string, menteeId: string): string =>
  `${tenantId}/${programId}/${menteeId}`;

/** An id as a field name: no `.` (a path separator) and no leading `$`. */
export const fieldKey = (id: string): string => encodeURIComponent(id).replace(/\./g, '%2E');
