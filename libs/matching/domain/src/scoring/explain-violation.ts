import { levels } from './explain-criterion';
import type { HardRule } from './hard-rules';
import type { MatchingProfile, MatchingRules } from './matching-profile';
import { formatHours, formatOffset, timezoneOffsetMinutes } from './timezone-offset';

/** Why a hard rule excludes this pair, in words an administrator can check. */
export function explainViolation(
  rule: HardRule,
  rules: MatchingRules,
  mentee: MatchingProfile,
  mentor: MatchingProfile,
  at: Date,
): string {
  switch (rule) {
    case 'self':
      return `mentee and mentor are the same person (user ${mentee.userId})`;
    case 'same-department':
      return `both are in department ${mentee.department?.trim()} and the program excludes same-department pairs`;
    case 'own-manager':
      return mentee.managerId === mentor.userId
        ? `the mentor (user ${mentor.userId}) is the mentee's manager`
        : `the mentee (user ${mentee.userId}) is the mentor's manager`;
    case 'previously-paired':
      return `users ${mentee.userId} and ${mentor.userId} were paired before and the program excludes previous pairs`;
    case 'no-common-language':
      return `no common language (mentee: ${mentee.languages.join(', ')}; mentor: ${mentor.languages.join(', ')})`;
    case 'timezone-gap':
      return timezoneGap(
        rules.hardRules.maxTimezoneGapHours ?? 0,
        mentee.timezone ?? '',
        mentor.timezone ?? '',
        at,
      );
    case 'reverse-direction':
      return `in a reverse program the mentor must be more junior than the mentee (${levels(mentee.level, mentor.level)})`;
    default: {
      const exhaustive: never = rule;
      return exhaustive;
    }
  }
}

function timezoneGap(maxHours: number, menteeZone: string, mentorZone: string, at: Date): string {
  const a = timezoneOffsetMinutes(menteeZone, at) ?? 0;
  const b = timezoneOffsetMinutes(mentorZone, at) ?? 0;
  return (
    `timezones ${formatHours(Math.abs(a - b))} apart (mentee ${menteeZone.trim()} ${formatOffset(a)}, ` +
    `mentor ${mentorZone.trim()} ${formatOffset(b)}), more than the ${maxHours}h allowed`
  );
}
