/** What the matching engine knows about one enrolled participant, on either side of a pair. */
export interface MatchingProfile {
  readonly participantId: string;
  readonly userId: string;
  readonly managerId?: string;
  readonly department?: string;
  readonly location?: string;
  /** IANA name, e.g. 'Europe/Paris'. */
  readonly timezone?: string;
  /** Seniority, higher = more senior. */
  readonly level?: number;
  readonly languages: readonly string[];
  readonly skillsOffered: readonly string[];
  readonly skillsSought: readonly string[];
  readonly focusAreas: readonly string[];
  /** Custom question id → answer. */
  readonly answers: Readonly<Record<string, string | readonly string[] | number>>;
  /** Present only with explicit consent. */
  readonly demographics?: Readonly<Record<string, string>>;
}

export type CustomQuestion =
  | { readonly id: string; readonly kind: 'single-choice'; readonly options: readonly string[] }
  | { readonly id: string; readonly kind: 'multi-choice'; readonly options: readonly string[] }
  | { readonly id: string; readonly kind: 'number'; readonly min: number; readonly max: number };

export interface HardRules {
  readonly excludeSameDepartment: boolean;
  readonly excludeOwnManager: boolean;
  readonly excludePreviousPairs: boolean;
  readonly requireCommonLanguage: boolean;
  readonly maxTimezoneGapHours?: number;
}

export type ProgramType = 'one-to-one' | 'group' | 'reverse' | 'peer';

export interface MatchingRules {
  readonly programType: ProgramType;
  /**
   * Criterion code → weight; codes: skills, focus-areas, seniority, languages, location, timezone,
   * department, question:<id>. Weights are normalised so a perfect pair scores 100.
   */
  readonly criteriaWeights: Readonly<Record<string, number>>;
  readonly hardRules: HardRules;
  readonly questions: readonly CustomQuestion[];
  /** 0–100. */
  readonly minimumScore: number;
}

export interface ScoringContext {
  /** `${menteeUserId}|${mentorUserId}` of every earlier pair. */
  readonly previousPairs: ReadonlySet<string>;
  /** Instant used for timezone offsets (DST). */
  readonly at: Date;
}
