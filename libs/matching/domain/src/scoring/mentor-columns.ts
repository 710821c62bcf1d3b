import type { PreparedProfile } from './prepared-profile';

/** A column's distinct values (NaN included once) and each mentor's index into them. */
export interface DistinctValues {
  readonly values: Float64Array;
  readonly indexOf: Int32Array;
}

/** One membership table per mentor, by 32-bit word: `words[w][j]` is word w of mentor j's table. */
export interface BitColumns {
  readonly words: readonly (Int32Array | undefined)[];
}

/** The mentors' prepared profiles turned into columns, one typed array per field, for row scoring. */
export interface MentorColumns {
  readonly count: number;
  readonly userKey: Int32Array;
  readonly managerKey: Int32Array;
  readonly department: Int32Array;
  readonly location: Int32Array;
  readonly level: Float64Array;
  readonly offsetMinutes: Float64Array;
  /** The distinct levels and offsets, and each mentor's index into them: points by table, not by branch. */
  readonly levels: DistinctValues;
  readonly offsets: DistinctValues;
  readonly languageCount: Int32Array;
  readonly languageBits: BitColumns;
  readonly skillsOfferedBits: BitColumns;
  readonly focusAreasOrSkillsBits: BitColumns;
  /** By question slot. */
  readonly choiceAnswers: readonly Int32Array[];
  readonly numberAnswers: readonly Float64Array[];
  /** User id → the mentors who are that user (previous partners are named by user id). */
  readonly byUserId: ReadonlyMap<string, readonly number[]>;
}

export function mentorColumns(mentors: readonly PreparedProfile[], questionSlots: number): MentorColumns {
  const count = mentors.length;
  const byUserId = new Map<string, number[]>();
  mentors.forEach((mentor, j) => {
    const same = byUserId.get(mentor.profile.userId);
    if (same) same.push(j);
    else byUserId.set(mentor.profile.userId, [j]);
  });
  return {
    count,
    userKey: Int32Array.from(mentors, (p) => p.userKey),
    managerKey: Int32Array.from(mentors, (p) => p.managerKey),
    department: Int32Array.from(mentors, (p) => p.department),
    location: Int32Array.from(mentors, (p) => p.location),
    level: Float64Array.from(mentors, (p) => p.level),
    offsetMinutes: Float64Array.from(mentors, (p) => p.offsetMinutes),
    levels: distinctValues(mentors.map((p) => p.level)),
    offsets: distinctValues(mentors.map((p) => p.offsetMinutes)),
    languageCount: Int32Array.from(mentors, (p) => p.languages.length),
    languageBits: bitColumns(mentors.map((p) => p.languageBits)),
    skillsOfferedBits: bitColumns(mentors.map((p) => p.skillsOfferedBits)),
    focusAreasOrSkillsBits: bitColumns(mentors.map((p) => p.focusAreasOrSkillsBits)),
    choiceAnswers: Array.from({ length: questionSlots }, (_, slot) =>
      Int32Array.from(mentors, (p) => p.choiceAnswers[slot] as number),
    ),
    numberAnswers: Array.from({ length: questionSlots }, (_, slot) =>
      Float64Array.from(mentors, (p) => p.numberAnswers[slot] as number),
    ),
    byUserId,
  };
}

function bitColumns(tables: readonly Int32Array[]): BitColumns {
  const width = tables.reduce((widest, table) => Math.max(widest, table.length), 0);
  const words = Array.from({ length: width }, (_, w) => {
    const column = Int32Array.from(tables, (table) => table[w] ?? 0);
    return column.some((word) => word !== 0) ? column : undefined;
  });
  return { words };
}

function distinctValues(column: readonly number[]): DistinctValues {
  const index = new Map<number, number>(); // Map keys treat NaN as one value
  const indexOf = Int32Array.from(column, (value) => {
    let at = index.get(value);
    if (at === undefined) index.set(value, (at = index.size));
    return at;
  });
  return { values: Float64Array.from(index.keys()), indexOf };
}
