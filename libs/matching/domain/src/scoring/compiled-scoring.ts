import { compileRules, type CompiledRules } from './compiled-rules';
import type { MatchingProfile, MatchingRules, ScoringContext } from './matching-profile';
import { prepareProfile, type PreparedProfile, type ProfilePreparation } from './prepared-profile';
import { TagInterner } from './tags';
import { timezoneOffsetMinutes } from './timezone-offset';

/** Rules and context compiled once, with every profile prepared at most once. */
export interface CompiledScoring extends CompiledRules {
  readonly context: ScoringContext;
  prepare(profile: MatchingProfile): PreparedProfile;
}

export function compileScoring(rules: MatchingRules, context: ScoringContext): CompiledScoring {
  const compiled = compileRules(rules);
  const offsets = new Map<string, number | null>();
  const partners = previousPartnersByUser(context.previousPairs);
  const keys = new Map<string, number>();
  const preparation: ProfilePreparation = {
    tags: new TagInterner(),
    keyOf: (id) => {
      let key = keys.get(id);
      if (key === undefined) keys.set(id, (key = keys.size));
      return key;
    },
    questions: compiled.questions,
    offsetOf: (zone) => {
      if (!offsets.has(zone)) offsets.set(zone, timezoneOffsetMinutes(zone, context.at));
      return offsets.get(zone) ?? null;
    },
    previousPartnersOf: (userId) => partners.get(userId),
  };
  // Profiles are immutable values, so a prepared form can be kept for as long as the profile lives.
  const prepared = new WeakMap<MatchingProfile, PreparedProfile>();
  return {
    ...compiled,
    context,
    prepare(profile) {
      let result = prepared.get(profile);
      if (!result) {
        result = prepareProfile(profile, preparation);
        prepared.set(profile, result);
      }
      return result;
    },
  };
}

const byRules = new WeakMap<MatchingRules, WeakMap<ScoringContext, CompiledScoring>>();
/** Hot loops pass the same rules and context every call: remember the last ones before any lookup. */
let last: CompiledScoring | undefined;

/** The same rules and context objects always give the same compiled scoring, so repeated calls are cheap. */
export function compiledScoringFor(rules: MatchingRules, context: ScoringContext): CompiledScoring {
  if (last?.rules === rules && last.context === context) return last;
  let byContext = byRules.get(rules);
  if (!byContext) {
    byContext = new WeakMap();
    byRules.set(rules, byContext);
  }
  let compiled = byContext.get(context);
  if (!compiled) {
    compiled = compileScoring(rules, context);
    byContext.set(context, compiled);
  }
  last = compiled;
  return compiled;
}

/**
 * Both directions count: two people who were paired before, whoever mentored whom, have already had
 * their chance together (this matters in peer and reverse programs).
 */
function previousPartnersByUser(previousPairs: ReadonlySet<string>): Map<string, Set<string>> {
  const partners = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    let set = partners.get(a);
    if (!set) partners.set(a, (set = new Set()));
    set.add(b);
  };
  for (const key of previousPairs) {
    const separator = key.indexOf('|');
    if (separator < 0) continue;
    const mentee = key.slice(0, separator);
    const mentor = key.slice(separator + 1);
    add(mentee, mentor);
    add(mentor, mentee);
  }
  return partners;
}
