import { measures, type CompiledCriterion } from './compiled-rules';
import type { ProgramType } from './matching-profile';
import type { PreparedProfile } from './prepared-profile';
import { countCommon, countIn } from './tags';

/** The gap beyond which a timezone difference earns nothing. */
export const TIMEZONE_ZERO_POINTS_MINUTES = 12 * 60;
/** Seniority gaps up to this many levels earn full points; wider gaps earn ideal/gap. */
export const IDEAL_SENIORITY_GAP = 2;

/**
 * How much of a criterion's points the pair earns, 0–1. The one source of truth for the number:
 * the fast path and the explained assessment both call it, so their scores cannot differ.
 */
export function criterionFraction(
  criterion: CompiledCriterion,
  programType: ProgramType,
  mentee: PreparedProfile,
  mentor: PreparedProfile,
): number {
  const measure = criterion.measure;
  switch (measure) {
    case measures.skills:
      return coveredShare(mentee.skillsSought, mentor.skillsOfferedBits);
    case measures['focus-areas']:
      return coveredShare(mentee.focusAreas, mentor.focusAreasOrSkillsBits);
    case measures.seniority:
      return seniorityFraction(programType, mentee.level, mentor.level);
    case measures.languages:
      return countIn(mentee.languages, mentor.languageBits) > 0 ? 1 : 0;
    case measures.location:
      return mentee.location >= 0 && mentee.location === mentor.location ? 1 : 0;
    case measures.timezone:
      return timezoneFraction(mentee.offsetMinutes, mentor.offsetMinutes);
    case measures.department:
      return mentee.department >= 0 && mentor.department >= 0 && mentee.department !== mentor.department
        ? 1
        : 0;
    case measures['single-choice']: {
      const a = mentee.choiceAnswers[criterion.slot] as number;
      return a >= 0 && a === mentor.choiceAnswers[criterion.slot] ? 1 : 0;
    }
    case measures['multi-choice']:
      return jaccard(
        mentee.multiChoiceAnswers[criterion.slot] as Int32Array,
        mentor.multiChoiceAnswers[criterion.slot] as Int32Array,
      );
    case measures.number:
      return closeness(
        mentee.numberAnswers[criterion.slot] as number,
        mentor.numberAnswers[criterion.slot] as number,
        criterion.numberRange,
      );
    default: {
      const exhaustive: never = measure;
      return exhaustive;
    }
  }
}

/** Share of what the mentee wants that the mentor covers. */
function coveredShare(wanted: Int32Array, offeredBits: Int32Array): number {
  return wanted.length === 0 ? 0 : countIn(wanted, offeredBits) / wanted.length;
}

/**
 * One-to-one and group: the mentor should be more senior, and a close gap is better than a wide
 * one (1–2 levels is full points). Reverse: the same with the mentor more junior. Peer: similar
 * levels, 1/(1 + difference).
 */
export function seniorityFraction(
  programType: ProgramType,
  menteeLevel: number,
  mentorLevel: number,
): number {
  if (Number.isNaN(menteeLevel) || Number.isNaN(mentorLevel)) return 0;
  switch (programType) {
    case 'one-to-one':
    case 'group':
      return gapFraction(mentorLevel - menteeLevel);
    case 'reverse':
      return gapFraction(menteeLevel - mentorLevel);
    case 'peer':
      return 1 / (1 + Math.abs(menteeLevel - mentorLevel));
    default: {
      const exhaustive: never = programType;
      return exhaustive;
    }
  }
}

function gapFraction(gap: number): number {
  if (gap <= 0) return 0;
  return gap <= IDEAL_SENIORITY_GAP ? 1 : IDEAL_SENIORITY_GAP / gap;
}

export function timezoneFraction(a: number, b: number): number {
  const gap = Math.abs(a - b);
  if (Number.isNaN(gap)) return 0;
  return Math.max(0, 1 - gap / TIMEZONE_ZERO_POINTS_MINUTES);
}

/** |A ∩ B| / |A ∪ B|; 0 when either side did not answer. */
function jaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  const common = countCommon(a, b);
  return common / (a.length + b.length - common);
}

/** 1 for equal answers down to 0 for answers a whole range apart; NaN (not answered) gives 0. */
export function closeness(a: number, b: number, range: number): number {
  const gap = Math.abs(a - b);
  if (Number.isNaN(gap)) return 0;
  if (!(range > 0)) return gap === 0 ? 1 : 0;
  return Math.max(0, 1 - gap / range);
}
