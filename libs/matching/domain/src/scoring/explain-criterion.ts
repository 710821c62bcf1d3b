import { measures, type CompiledCriterion } from './compiled-rules';
import type { CustomQuestion, MatchingProfile, ProgramType } from './matching-profile';
import { distinctTags, normaliseTag } from './tags';
import { formatHours, formatOffset, timezoneOffsetMinutes } from './timezone-offset';

/** "skills 32/40: negotiation, public speaking in common (2 of 3 sought)". */
export function explainCriterion(
  criterion: CompiledCriterion,
  programType: ProgramType,
  mentee: MatchingProfile,
  mentor: MatchingProfile,
  at: Date,
  points: number,
): string {
  return `${criterion.code} ${points}/${criterion.maxHundredths / 100}: ${criterionDetail(criterion, programType, mentee, mentor, at)}`;
}

function criterionDetail(
  criterion: CompiledCriterion,
  programType: ProgramType,
  mentee: MatchingProfile,
  mentor: MatchingProfile,
  at: Date,
): string {
  const measure = criterion.measure;
  switch (measure) {
    case measures.skills:
      return coverage(mentee.skillsSought, mentor.skillsOffered, {
        ofTotal: 'sought',
        nothingWanted: 'the mentee seeks no skills',
        noneCovered: (total) => `none of the ${total} skills sought is offered`,
      });
    case measures['focus-areas']:
      return coverage(mentee.focusAreas, [...mentor.focusAreas, ...mentor.skillsOffered], {
        ofTotal: 'focus areas',
        nothingWanted: 'the mentee names no focus areas',
        noneCovered: (total) => `none of the ${total} focus areas is covered`,
      });
    case measures.seniority:
      return seniority(programType, mentee.level, mentor.level);
    case measures.languages:
      return languages(mentee, mentor);
    case measures.location:
      return sameOrDifferent(
        'location',
        mentee.location,
        mentor.location,
        (place) => `both in ${place}`,
        (a, b) => `different locations (mentee ${a}, mentor ${b})`,
      );
    case measures.timezone:
      return timezone(mentee.timezone, mentor.timezone, at);
    case measures.department:
      return sameOrDifferent(
        'department',
        mentee.department,
        mentor.department,
        (d) => `same department (${d})`,
        (a, b) => `different departments (mentee ${a}, mentor ${b})`,
      );
    case measures['single-choice']:
    case measures['multi-choice']:
    case measures.number: {
      const question = criterion.question;
      if (!question) throw new Error(`Criterion ${criterion.code} has no question`);
      return answers(question, mentee.answers[question.id], mentor.answers[question.id]);
    }
    default: {
      const exhaustive: never = measure;
      return exhaustive;
    }
  }
}

export function commonLabels(wanted: readonly string[], offered: readonly string[]): string[] {
  const offeredKeys = new Set(offered.map(normaliseTag));
  return distinctTags(wanted)
    .filter((tag) => offeredKeys.has(tag.key))
    .map((tag) => tag.label);
}

interface CoverageWords {
  readonly ofTotal: string;
  readonly nothingWanted: string;
  readonly noneCovered: (total: number) => string;
}

function coverage(wanted: readonly string[], offered: readonly string[], words: CoverageWords): string {
  const total = distinctTags(wanted).length;
  if (total === 0) return words.nothingWanted;
  const common = commonLabels(wanted, offered);
  if (common.length === 0) return words.noneCovered(total);
  return `${common.join(', ')} in common (${common.length} of ${total} ${words.ofTotal})`;
}

function seniority(
  programType: ProgramType,
  menteeLevel: number | undefined,
  mentorLevel: number | undefined,
): string {
  if (!isKnownLevel(menteeLevel) || !isKnownLevel(mentorLevel))
    return `level unknown (${levels(menteeLevel, mentorLevel)})`;
  const gap = mentorLevel - menteeLevel;
  switch (programType) {
    case 'one-to-one':
    case 'group':
      return gap > 0
        ? `mentor is ${plural(gap, 'level')} more senior (${levels(menteeLevel, mentorLevel)})`
        : `mentor is not more senior (${levels(menteeLevel, mentorLevel)})`;
    case 'reverse':
      return gap < 0
        ? `mentor is ${plural(-gap, 'level')} more junior (${levels(menteeLevel, mentorLevel)})`
        : `mentor is not more junior (${levels(menteeLevel, mentorLevel)})`;
    case 'peer':
      return gap === 0
        ? `same level (${menteeLevel})`
        : `levels ${Math.abs(gap)} apart (${levels(menteeLevel, mentorLevel)})`;
    default: {
      const exhaustive: never = programType;
      return exhaustive;
    }
  }
}

export function isKnownLevel(level: number | undefined): level is number {
  return typeof level === 'number' && Number.isFinite(level);
}

export function levels(menteeLevel: number | undefined, mentorLevel: number | undefined): string {
  return `mentee ${isKnownLevel(menteeLevel) ? menteeLevel : '?'}, mentor ${isKnownLevel(mentorLevel) ? mentorLevel : '?'}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function languages(mentee: MatchingProfile, mentor: MatchingProfile): string {
  if (distinctTags(mentee.languages).length === 0) return 'the mentee lists no languages';
  const common = commonLabels(mentee.languages, mentor.languages);
  return common.length > 0 ? `${common.join(', ')} in common` : 'no common language';
}

function sameOrDifferent(
  noun: string,
  menteeValue: string | undefined,
  mentorValue: string | undefined,
  same: (value: string) => string,
  different: (mentee: string, mentor: string) => string,
): string {
  const a = menteeValue?.trim() ?? '';
  const b = mentorValue?.trim() ?? '';
  if (a === '' || b === '') return `${noun} unknown (mentee ${a || '?'}, mentor ${b || '?'})`;
  return normaliseTag(a) === normaliseTag(b) ? same(a) : different(a, b);
}

function timezone(menteeZone: string | undefined, mentorZone: string | undefined, at: Date): string {
  if (!menteeZone?.trim() || !mentorZone?.trim()) return 'timezone not given';
  const a = timezoneOffsetMinutes(menteeZone, at);
  const b = timezoneOffsetMinutes(mentorZone, at);
  if (a === null) return `unknown timezone '${menteeZone}'`;
  if (b === null) return `unknown timezone '${mentorZone}'`;
  if (a === b) return `same UTC offset (${formatOffset(a)})`;
  return `${formatHours(Math.abs(a - b))} apart (mentee ${formatOffset(a)}, mentor ${formatOffset(b)})`;
}

function answers(
  question: CustomQuestion,
  a: string | readonly string[] | number | undefined,
  b: string | readonly string[] | number | undefined,
): string {
  switch (question.kind) {
    case 'single-choice':
      if (typeof a !== 'string' || typeof b !== 'string' || !a.trim() || !b.trim())
        return 'not answered by both';
      return normaliseTag(a) === normaliseTag(b)
        ? `same answer (${a.trim()})`
        : `different answers (mentee ${a.trim()}, mentor ${b.trim()})`;
    case 'multi-choice': {
      const listA = Array.isArray(a) ? distinctTags(a as readonly string[]) : [];
      const listB = Array.isArray(b) ? distinctTags(b as readonly string[]) : [];
      if (listA.length === 0 || listB.length === 0) return 'not answered by both';
      const common = commonLabels(
        listA.map((t) => t.label),
        listB.map((t) => t.label),
      );
      const distinct = listA.length + listB.length - common.length;
      return common.length === 0
        ? `no answer in common (${distinct} distinct answers)`
        : `${common.join(', ')} in common (${common.length} of ${distinct} distinct answers)`;
    }
    case 'number':
      if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b))
        return 'not answered by both';
      return `answers ${a} and ${b}, ${Math.abs(a - b)} apart on a ${question.min}–${question.max} scale`;
    default: {
      const exhaustive: never = question;
      return exhaustive;
    }
  }
}
