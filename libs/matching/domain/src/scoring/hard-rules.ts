import type { HardRules, ProgramType } from './matching-profile';
import type { PreparedProfile } from './prepared-profile';
import { countIn } from './tags';

export type HardRule =
  | 'self'
  | 'same-department'
  | 'own-manager'
  | 'previously-paired'
  | 'no-common-language'
  | 'timezone-gap'
  | 'reverse-direction';

/** Order in which violations are listed; a rule's bit in a violation mask is 1 << its index. */
export const hardRuleOrder: readonly HardRule[] = [
  'self',
  'same-department',
  'own-manager',
  'previously-paired',
  'no-common-language',
  'timezone-gap',
  'reverse-direction',
];

const SELF = 1;
const SAME_DEPARTMENT = 2;
const OWN_MANAGER = 4;
const PREVIOUSLY_PAIRED = 8;
const NO_COMMON_LANGUAGE = 16;
const TIMEZONE_GAP = 32;
const REVERSE_DIRECTION = 64;

/**
 * Every hard rule the pair breaks, as a bit mask (0 = eligible); no strings, no allocation.
 * A rule that needs data one side lacks (department, languages, timezone, level) is not broken.
 */
export function violatedRules(
  rules: HardRules,
  programType: ProgramType,
  mentee: PreparedProfile,
  mentor: PreparedProfile,
): number {
  let mask = 0;
  if (mentee.userKey === mentor.userKey) mask |= SELF;
  if (rules.excludeSameDepartment && mentee.department >= 0 && mentee.department === mentor.department)
    mask |= SAME_DEPARTMENT;
  if (
    rules.excludeOwnManager &&
    (mentee.managerKey === mentor.userKey || mentor.managerKey === mentee.userKey)
  )
    mask |= OWN_MANAGER;
  if (rules.excludePreviousPairs && mentee.previousPartners?.has(mentor.profile.userId))
    mask |= PREVIOUSLY_PAIRED;
  if (
    rules.requireCommonLanguage &&
    mentee.languages.length > 0 &&
    mentor.languages.length > 0 &&
    countIn(mentee.languages, mentor.languageBits) === 0
  ) {
    mask |= NO_COMMON_LANGUAGE;
  }
  if (
    rules.maxTimezoneGapHours !== undefined &&
    Math.abs(mentee.offsetMinutes - mentor.offsetMinutes) > rules.maxTimezoneGapHours * 60
  ) {
    mask |= TIMEZONE_GAP; // NaN (unknown zone) compares false: not broken
  }
  if (programType === 'reverse' && mentor.level >= mentee.level) mask |= REVERSE_DIRECTION; // NaN compares false
  return mask;
}

export function rulesInMask(mask: number): HardRule[] {
  return hardRuleOrder.filter((_, index) => (mask & (1 << index)) !== 0);
}
