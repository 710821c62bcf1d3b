import type { CompiledCriterion } from './compiled-rules';
import { measures } from './compiled-rules';
import type { CompiledScoring } from './compiled-scoring';
import { closeness, seniorityFraction, timezoneFraction } from './criterion-fraction';
import { mentorColumns, type BitColumns, type DistinctValues, type MentorColumns } from './mentor-columns';
import type { PreparedProfile } from './prepared-profile';
import { criterionHundredths } from './score-pair';

/** A row entry for a pair that a hard rule excludes (scores are whole hundredths ≥ 0). */
export const EXCLUDED_PAIR = -1;

/**
 * Scores one mentee against every mentor into `out` (hundredths, or EXCLUDED_PAIR): the same
 * numbers as `scorePrepared` pair by pair, computed criterion by criterion over the mentors'
 * columns, so each inner loop is a few typed-array reads per pair and nothing is called per pair.
 */
export type RowScorer = (mentee: PreparedProfile, out: Int32Array) => void;

export function createRowScorer(scoring: CompiledScoring, mentors: readonly PreparedProfile[]): RowScorer {
  const columns = mentorColumns(mentors, scoring.questions.length);
  const m = mentors.length;
  const counts = new Int32Array(m);
  const excluded = new Uint8Array(m);
  return (mentee, out) => {
    if (out.length < m) throw new RangeError(`A row of ${m} mentors needs ${m} entries, got ${out.length}`);
    markExcluded(scoring, mentee, columns, counts, excluded);
    addValueCriteria(scoring, mentee, columns, out);
    for (const criterion of scoring.criteria)
      if (criterion.maxHundredths > 0 && !valueMeasures.has(criterion.measure))
        addCriterion(scoring, criterion, mentee, mentors, columns, counts, out);
    // EXCLUDED_PAIR is -1: every bit set where excluded is 1, the entry unchanged where it is 0.
    for (let j = 0; j < m; j++) out[j] = (out[j] as number) | -(excluded[j] as number);
  };
}

/** How many of `ids` each mentor's bit table holds, into `counts`. */
function countCovered(ids: Int32Array, bits: BitColumns, counts: Int32Array, m: number): void {
  counts.fill(0, 0, m);
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] as number;
    const column = bits.words[id >>> 5];
    if (column === undefined) continue;
    const shift = id & 31;
    for (let j = 0; j < m; j++) counts[j] = (counts[j] as number) + (((column[j] as number) >>> shift) & 1);
  }
}

// The loops below are branch-free (a comparison turned into 0 or 1, points read from a table by
// the mentor's value): on real rosters a branch per pair is mispredicted about every other time,
// which costs more than the rest of the pair's work.

/** The hard rules of `violatedRules`, mentor by mentor: 1 where the pair breaks one. */
function markExcluded(
  scoring: CompiledScoring,
  mentee: PreparedProfile,
  columns: MentorColumns,
  counts: Int32Array,
  excluded: Uint8Array,
): void {
  const { hardRules, programType } = scoring.rules;
  const m = columns.count;
  const { userKey, managerKey, department } = columns;
  const self = mentee.userKey;
  // A key no mentor has (ids are ≥ -1) turns a rule that is off into a comparison that never holds.
  const never = -3;
  const sameDepartment =
    hardRules.excludeSameDepartment && mentee.department >= 0 ? mentee.department : never;
  const manager = hardRules.excludeOwnManager ? mentee.managerKey : never;
  const managedBy = hardRules.excludeOwnManager ? self : never;
  const maxGap = hardRules.maxTimezoneGapHours;
  const ownOffset = mentee.offsetMinutes;
  const ownLevel = mentee.level;
  // NaN (unknown zone or level) compares false: not broken.
  const offsetBreaks = tableByValue(columns.offsets, (offset) =>
    maxGap === undefined ? 0 : +(Math.abs(ownOffset - offset) > maxGap * 60),
  );
  const levelBreaks = tableByValue(
    columns.levels,
    (level) => +(programType === 'reverse' && level >= ownLevel),
  );
  const offsetIndex = columns.offsets.indexOf;
  const levelIndex = columns.levels.indexOf;
  for (let j = 0; j < m; j++) {
    const user = userKey[j] as number;
    excluded[j] =
      +(user === self) |
      +(department[j] === sameDepartment) |
      +(user === manager) |
      +(managerKey[j] === managedBy) |
      (offsetBreaks[offsetIndex[j] as number] as number) |
      (levelBreaks[levelIndex[j] as number] as number);
  }
  if (hardRules.excludePreviousPairs && mentee.previousPartners)
    for (const partner of mentee.previousPartners)
      for (const j of columns.byUserId.get(partner) ?? []) excluded[j] = 1;
  if (hardRules.requireCommonLanguage && mentee.languages.length > 0) {
    countCovered(mentee.languages, columns.languageBits, counts, m);
    const { languageCount } = columns;
    for (let j = 0; j < m; j++)
      excluded[j] = (excluded[j] as number) | (+(counts[j] === 0) & +((languageCount[j] as number) > 0));
  }
}

/** Adds one criterion's points to every mentor's entry, as `criterionHundredths` gives them. */
function addCriterion(
  scoring: CompiledScoring,
  criterion: CompiledCriterion,
  mentee: PreparedProfile,
  mentors: readonly PreparedProfile[],
  columns: MentorColumns,
  counts: Int32Array,
  out: Int32Array,
): void {
  const m = columns.count;
  const max = criterion.maxHundredths;
  switch (criterion.measure) {
    case measures.skills:
      return addCoveredShare(mentee.skillsSought, columns.skillsOfferedBits, max, counts, out, m);
    case measures['focus-areas']:
      return addCoveredShare(mentee.focusAreas, columns.focusAreasOrSkillsBits, max, counts, out, m);
    case measures.languages:
      if (mentee.languages.length === 0) return;
      countCovered(mentee.languages, columns.languageBits, counts, m);
      for (let j = 0; j < m; j++) out[j] = (out[j] as number) + max * +((counts[j] as number) > 0);
      return;
    case measures['single-choice']: {
      const own = mentee.choiceAnswers[criterion.slot] as number;
      if (own < 0) return;
      const answers = columns.choiceAnswers[criterion.slot] as Int32Array;
      for (let j = 0; j < m; j++) out[j] = (out[j] as number) + max * +(answers[j] === own);
      return;
    }
    case measures.number: {
      const own = mentee.numberAnswers[criterion.slot] as number;
      const answers = columns.numberAnswers[criterion.slot] as Float64Array;
      for (let j = 0; j < m; j++)
        out[j] =
          (out[j] as number) + Math.round(max * closeness(own, answers[j] as number, criterion.numberRange));
      return;
    }
    default:
      // Pair by pair, through the one definition (multi-choice's Jaccard has no cheaper column form).
      for (let j = 0; j < m; j++)
        out[j] =
          (out[j] as number) + criterionHundredths(scoring, criterion, mentee, mentors[j] as PreparedProfile);
  }
}

/** Criteria that compare one value per person: scored together, in one pass over the mentors. */
const valueMeasures: ReadonlySet<number> = new Set([
  measures.location,
  measures.department,
  measures.seniority,
  measures.timezone,
]);

/** Writes every mentor's points for the value criteria (0 where none is in use) into `out`. */
function addValueCriteria(
  scoring: CompiledScoring,
  mentee: PreparedProfile,
  columns: MentorColumns,
  out: Int32Array,
): void {
  const { programType } = scoring.rules;
  const maxOf = (measure: number) => {
    const criterion = scoring.criteria.find((c) => c.measure === measure);
    return criterion ? criterion.maxHundredths : 0;
  };
  const never = -3; // no mentor has this id (ids are ≥ -1)
  const location = mentee.location >= 0 ? mentee.location : never;
  const locationPoints = maxOf(measures.location);
  const department = mentee.department;
  const departmentPoints = department >= 0 ? maxOf(measures.department) : 0;
  const seniorityMax = maxOf(measures.seniority);
  const timezoneMax = maxOf(measures.timezone);
  const levelPoints = tableByValue(columns.levels, (level) =>
    Math.round(seniorityMax * seniorityFraction(programType, mentee.level, level)),
  );
  const offsetPoints = tableByValue(columns.offsets, (offset) =>
    Math.round(timezoneMax * timezoneFraction(mentee.offsetMinutes, offset)),
  );
  const levelIndex = columns.levels.indexOf;
  const offsetIndex = columns.offsets.indexOf;
  const locations = columns.location;
  const departments = columns.department;
  for (let j = 0; j < columns.count; j++) {
    const other = departments[j] as number;
    out[j] =
      locationPoints * +(locations[j] === location) +
      departmentPoints * (+(other >= 0) & +(other !== department)) +
      (levelPoints[levelIndex[j] as number] as number) +
      (offsetPoints[offsetIndex[j] as number] as number);
  }
}

/** `valueOf` each distinct value, in a table the mentors' value indexes read. */
function tableByValue(distinct: DistinctValues, valueOf: (value: number) => number): Int32Array {
  return Int32Array.from(distinct.values, valueOf);
}

/** Share of the mentee's list each mentor covers: a table per count, so the same rounding as pair by pair. */
function addCoveredShare(
  wanted: Int32Array,
  bits: BitColumns,
  max: number,
  counts: Int32Array,
  out: Int32Array,
  m: number,
): void {
  if (wanted.length === 0) return;
  countCovered(wanted, bits, counts, m);
  const points = Int32Array.from({ length: wanted.length + 1 }, (_, covered) =>
    Math.round(max * (covered / wanted.length)),
  );
  for (let j = 0; j < m; j++) out[j] = (out[j] as number) + (points[counts[j] as number] as number);
}
