import type { CompiledCriterion } from './compiled-rules';
import { measures } from './compiled-rules';
import type { CompiledScoring } from './compiled-scoring';
import { closeness, seniorityFraction, timezoneFraction } from './criterion-fraction';
import { mentorColumns, type BitColumns, type MentorColumns } from './mentor-columns';
import type { PreparedProfile } from './prepared-profile';
import { criterionHundredths } from './score-pair';

/** A row entry for a pair that a hard rule excludes (scores are whole hundredths ≥ 0). */
export const EXCLUDED_PAIR = -1;

/**
 * Scores one mentee against every mentor into `out` (hundredths, or EXCLUDED_PAIR): the same
 * numbers as `scorePrepared` pair by pair, computed over the mentors' columns: a pass per list
 * criterion (skills, focus areas, languages) and question, then one pass for every criterion that
 * compares a single value and every hard rule.
 */
export type RowScorer = (mentee: PreparedProfile, out: Int32Array) => void;

// The loops are branch-free (a comparison turned into 0 or 1, points read from a table by the
// mentor's value): on real rosters a branch per pair is mispredicted about every other time,
// which costs more than the rest of the pair's work.

/** Criteria that compare one value per person: scored in the final pass. */
const valueMeasures: ReadonlySet<number> = new Set([
  measures.location,
  measures.department,
  measures.seniority,
  measures.timezone,
]);

/** No mentor has this id (ids are ≥ -1): a rule or criterion that is off compares with it and never holds. */
const NO_ID = -3;

export function createRowScorer(scoring: CompiledScoring, mentors: readonly PreparedProfile[]): RowScorer {
  const columns = mentorColumns(mentors, scoring.questions.length);
  const m = mentors.length;
  const counts = new Int32Array(m);
  const languageCounts = new Int32Array(m);
  const tables: ValueTables = {
    offsetPoints: new Int32Array(columns.offsets.values.length),
    offsetBreaks: new Int32Array(columns.offsets.values.length),
    levelPoints: new Int32Array(columns.levels.values.length),
    levelBreaks: new Int32Array(columns.levels.values.length),
  };
  const { criteria } = scoring;
  // Each built-in criterion's points, by measure (0 when not in use): looked up once, not per row.
  const builtInMax = new Int32Array(Object.keys(measures).length);
  for (const criterion of criteria)
    if (criterion.question === null) builtInMax[criterion.measure] = criterion.maxHundredths;
  const languagePoints = builtInMax[measures.languages] as number;
  const listCriteria = criteria.filter(
    (c) => c.maxHundredths > 0 && !valueMeasures.has(c.measure) && c.measure !== measures.languages,
  );
  return (mentee, out) => {
    if (out.length < m) throw new RangeError(`A row of ${m} mentors needs ${m} entries, got ${out.length}`);
    out.fill(0, 0, m);
    // Languages count once for their criterion and their hard rule.
    countCovered(mentee.languages, columns.languageBits, languageCounts, m);
    if (languagePoints > 0 && mentee.languages.length > 0)
      for (let j = 0; j < m; j++)
        out[j] = (out[j] as number) + languagePoints * +((languageCounts[j] as number) > 0);
    for (const criterion of listCriteria)
      addCriterion(scoring, criterion, mentee, mentors, columns, counts, out);
    finishRow(scoring, builtInMax, mentee, columns, languageCounts, tables, out);
    const { hardRules } = scoring.rules;
    if (hardRules.excludePreviousPairs && mentee.previousPartners)
      for (const partner of mentee.previousPartners)
        for (const j of columns.byUserId.get(partner) ?? []) out[j] = EXCLUDED_PAIR;
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

/**
 * Adds the value criteria's points (location, department, seniority, timezone) to what the list
 * criteria left in `out`, and turns each pair a hard rule of `violatedRules` excludes into
 * EXCLUDED_PAIR (all but previous pairs, which the caller marks).
 */
function finishRow(
  scoring: CompiledScoring,
  builtInMax: Int32Array,
  mentee: PreparedProfile,
  columns: MentorColumns,
  languageCounts: Int32Array,
  tables: ValueTables,
  out: Int32Array,
): void {
  const { hardRules, programType } = scoring.rules;
  const maxOf = (measure: number) => builtInMax[measure] as number;
  const self = mentee.userKey;
  const ownDepartment = mentee.department;
  const ownLocation = mentee.location >= 0 ? mentee.location : NO_ID;
  const sameDepartment = hardRules.excludeSameDepartment && ownDepartment >= 0 ? ownDepartment : NO_ID;
  const manager = hardRules.excludeOwnManager ? mentee.managerKey : NO_ID;
  const managedBy = hardRules.excludeOwnManager ? self : NO_ID;
  const languageRule = +(hardRules.requireCommonLanguage && mentee.languages.length > 0);
  const maxGap = hardRules.maxTimezoneGapHours;
  const locationPoints = maxOf(measures.location);
  const departmentPoints = ownDepartment >= 0 ? maxOf(measures.department) : 0;
  const seniorityMax = maxOf(measures.seniority);
  const timezoneMax = maxOf(measures.timezone);
  // Per distinct offset and level: the points they earn and whether they break a rule
  // (NaN, an unknown zone or level, compares false: not broken).
  const { offsetPoints, offsetBreaks, levelPoints, levelBreaks } = tables;
  columns.offsets.values.forEach((offset, k) => {
    offsetPoints[k] = Math.round(timezoneMax * timezoneFraction(mentee.offsetMinutes, offset));
    offsetBreaks[k] = maxGap === undefined ? 0 : +(Math.abs(mentee.offsetMinutes - offset) > maxGap * 60);
  });
  columns.levels.values.forEach((level, k) => {
    levelPoints[k] = Math.round(seniorityMax * seniorityFraction(programType, mentee.level, level));
    levelBreaks[k] = +(programType === 'reverse' && level >= mentee.level);
  });

  const { userKey, managerKey, department, location, languageCount } = columns;
  const offsetIndex = columns.offsets.indexOf;
  const levelIndex = columns.levels.indexOf;
  for (let j = 0; j < columns.count; j++) {
    const user = userKey[j] as number;
    const otherDepartment = department[j] as number;
    const offset = offsetIndex[j] as number;
    const level = levelIndex[j] as number;
    const excluded =
      +(user === self) |
      +(otherDepartment === sameDepartment) |
      +(user === manager) |
      +(managerKey[j] === managedBy) |
      (offsetBreaks[offset] as number) |
      (levelBreaks[level] as number) |
      (languageRule & +(languageCounts[j] === 0) & +((languageCount[j] as number) > 0));
    const points =
      (out[j] as number) +
      locationPoints * +(location[j] === ownLocation) +
      departmentPoints * (+(otherDepartment >= 0) & +(otherDepartment !== ownDepartment)) +
      (offsetPoints[offset] as number) +
      (levelPoints[level] as number);
    // EXCLUDED_PAIR is -1: all bits set where excluded is 1, the points unchanged where it is 0.
    out[j] = points | -excluded;
  }
}

/** Adds one list or question criterion's points to every mentor's entry, as `criterionHundredths` gives them. */
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

/** Per distinct offset and level of the mentors: the points they earn and whether they break a rule (refilled per row). */
interface ValueTables {
  readonly offsetPoints: Int32Array;
  readonly offsetBreaks: Int32Array;
  readonly levelPoints: Int32Array;
  readonly levelBreaks: Int32Array;
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
