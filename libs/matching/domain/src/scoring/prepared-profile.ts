import type { CustomQuestion, MatchingProfile } from './matching-profile';
import { bitsOf, TagInterner, unionOf } from './tags';

/**
 * A profile reduced to what pair scoring compares: interned tag ids in sorted arrays, -1 or NaN
 * for unknown values. Built once per profile so scoring a pair allocates nothing.
 */
export interface PreparedProfile {
  readonly profile: MatchingProfile;
  /** userId and managerId as small integers (-1 = no manager): equal ids, equal keys. */
  readonly userKey: number;
  readonly managerKey: number;
  readonly department: number;
  readonly location: number;
  readonly level: number;
  /** Offset from UTC at the scoring instant; NaN when the zone is missing or unknown. */
  readonly offsetMinutes: number;
  readonly languages: Int32Array;
  readonly skillsSought: Int32Array;
  readonly focusAreas: Int32Array;
  /** Membership tables (see `bitsOf`) of the lists the other side is checked against. */
  readonly languageBits: Int32Array;
  readonly skillsOfferedBits: Int32Array;
  /** What a mentor can cover for a mentee's focus areas: their focus areas and the skills they offer. */
  readonly focusAreasOrSkillsBits: Int32Array;
  /** Answers by question slot, in the array for the question's kind: a choice id (-1 = none), a number (NaN = none), a sorted id array (empty = none). */
  readonly choiceAnswers: Int32Array;
  readonly numberAnswers: Float64Array;
  readonly multiChoiceAnswers: readonly Int32Array[];
  /** User ids this person was paired with before, on either side. */
  readonly previousPartners: ReadonlySet<string> | undefined;
}

export interface ProfilePreparation {
  readonly tags: TagInterner;
  /** Exact (case-sensitive) ids to small integers. */
  readonly keyOf: (id: string) => number;
  readonly questions: readonly CustomQuestion[];
  readonly offsetOf: (zone: string) => number | null;
  readonly previousPartnersOf: (userId: string) => ReadonlySet<string> | undefined;
}

export function prepareProfile(profile: MatchingProfile, preparation: ProfilePreparation): PreparedProfile {
  const { tags } = preparation;
  const skillsOffered = tags.idsOf(profile.skillsOffered);
  const focusAreas = tags.idsOf(profile.focusAreas);
  const languages = tags.idsOf(profile.languages);
  return {
    profile,
    userKey: preparation.keyOf(profile.userId),
    managerKey: profile.managerId === undefined ? -1 : preparation.keyOf(profile.managerId),
    department: tags.idOf(profile.department),
    location: tags.idOf(profile.location),
    level: typeof profile.level === 'number' && Number.isFinite(profile.level) ? profile.level : Number.NaN,
    offsetMinutes: profile.timezone ? (preparation.offsetOf(profile.timezone) ?? Number.NaN) : Number.NaN,
    languages,
    skillsSought: tags.idsOf(profile.skillsSought),
    focusAreas,
    languageBits: bitsOf(languages),
    skillsOfferedBits: bitsOf(skillsOffered),
    focusAreasOrSkillsBits: bitsOf(unionOf(focusAreas, skillsOffered)),
    ...prepareAnswers(profile, preparation.questions, tags),
    previousPartners: preparation.previousPartnersOf(profile.userId),
  };
}

/** An answer of the wrong type for its question counts as not answered. */
function prepareAnswers(profile: MatchingProfile, questions: readonly CustomQuestion[], tags: TagInterner) {
  const choiceAnswers = new Int32Array(questions.length).fill(-1);
  const numberAnswers = new Float64Array(questions.length).fill(Number.NaN);
  const none = new Int32Array(0);
  const multiChoiceAnswers = questions.map((question, slot) => {
    const answer = profile.answers[question.id];
    switch (question.kind) {
      case 'single-choice':
        if (typeof answer === 'string') choiceAnswers[slot] = tags.idOf(answer);
        return none;
      case 'multi-choice':
        return Array.isArray(answer) ? tags.idsOf(answer as readonly string[]) : none;
      case 'number':
        if (typeof answer === 'number' && Number.isFinite(answer)) numberAnswers[slot] = answer;
        return none;
      default: {
        const exhaustive: never = question;
        return exhaustive;
      }
    }
  });
  return { choiceAnswers, numberAnswers, multiChoiceAnswers };
}
