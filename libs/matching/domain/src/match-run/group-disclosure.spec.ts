import type { MatchingProfile } from '../scoring/matching-profile';
import { aProfile, noHardRules, someRules, winter } from '../scoring/scoring.test-kit';
import type { DisclosureBaseline, MenteeStatus } from './group-disclosure';
import type { MatchRunReport, ProposedPair } from './match-run-types';
import { buildRunReport } from './run-report';
import { runMatching } from './run-matching';

const pair = (mentee: MatchingProfile, score = 60): ProposedPair => ({
  menteeId: mentee.participantId,
  mentorId: 'm',
  score,
  breakdown: [],
});
const women = (count: number) =>
  Array.from({ length: count }, () => aProfile({ demographics: { gender: 'f' } }));
const men = (count: number) =>
  Array.from({ length: count }, () => aProfile({ demographics: { gender: 'm' } }));

/** What a run showed, as a baseline for the next: who it matched and who not. */
const baselineOf = (
  mentees: readonly MatchingProfile[],
  matched: readonly MatchingProfile[],
): DisclosureBaseline =>
  new Map(
    mentees.map((m): [string, MenteeStatus] => [
      m.participantId,
      matched.includes(m) ? 'matched' : 'unmatched',
    ]),
  );
const groupNames = (report: MatchRunReport) => report.groups.map((g) => `${g.dimension}=${g.group}`);

describe('group figures that survive differencing', () => {
  it("keeps a what-if draft leaving one mentee unmatched from giving that person's group away", () => {
    // Six women and six men; one woman is an hour from every mentor.
    const [london, ...parisWomen] = [
      aProfile({ timezone: 'Europe/London', skillsSought: ['a'], demographics: { gender: 'f' } }),
      ...Array.from({ length: 5 }, () =>
        aProfile({ timezone: 'Europe/Paris', skillsSought: ['a'], demographics: { gender: 'f' } }),
      ),
    ];
    const mentees = [
      london!,
      ...parisWomen,
      ...Array.from({ length: 6 }, () =>
        aProfile({ timezone: 'Europe/Paris', skillsSought: ['a'], demographics: { gender: 'm' } }),
      ),
    ];
    const mentors = Array.from({ length: 12 }, () => ({
      ...aProfile({ timezone: 'Europe/Paris', skillsOffered: ['a'] }),
      remainingCapacity: 1,
    }));
    const input = {
      mentees,
      mentors,
      mentorsPerMentee: 1,
      rules: someRules({ criteriaWeights: { skills: 1 } }),
      context: winter,
    };

    const first = runMatching(input);
    expect(first.report.matched).toBe(12);
    expect(first.report.groups).toContainEqual(
      expect.objectContaining({ group: 'f', mentees: 6, matched: 6 }),
    );

    const matchedFirst = new Set(first.pairs.map((p) => p.menteeId));
    const whatIf = runMatching({
      ...input,
      rules: { ...input.rules, hardRules: { ...noHardRules, maxTimezoneGapHours: 0 } },
      disclosureBaselines: [
        baselineOf(
          mentees,
          mentees.filter((m) => matchedFirst.has(m.participantId)),
        ),
      ],
    });

    expect(whatIf.report.unmatchedMentees.map((u) => u.menteeId)).toEqual([london!.participantId]);
    // 6 matched women before, 5 now: with the unmatched list, one person's gender. Shown: nothing.
    expect(whatIf.report.groups).toEqual([]);
    expect(whatIf.report.suppressedGroups).toBe(2);
  });

  it('suppresses a group that only differs from an earlier run by fewer than 5 people', () => {
    const [f, m] = [women(20), men(20)];
    const matchedBefore = [...f.slice(0, 15), ...m.slice(0, 15)];
    // One more woman unmatched: on its own this run is fine (every cell has 5 or more people) …
    const matchedNow = [...f.slice(0, 14), ...m.slice(0, 15)];
    const alone = buildRunReport(
      [...f, ...m],
      matchedNow.map((x) => pair(x)),
      [],
    );
    expect(groupNames(alone)).toEqual(['demographic:gender=f', 'demographic:gender=m']);

    // … but subtracted from the earlier run it names her group.
    const after = buildRunReport(
      [...f, ...m],
      matchedNow.map((x) => pair(x)),
      [],
      [baselineOf([...f, ...m], matchedBefore)],
    );
    expect(after.groups).toEqual([]);

    // Five more unmatched women, five more unmatched men: a crowd, shown.
    const crowd = [...f.slice(0, 10), ...m.slice(0, 10)];
    const later = buildRunReport(
      [...f, ...m],
      crowd.map((x) => pair(x)),
      [],
      [baselineOf([...f, ...m], matchedBefore)],
    );
    expect(groupNames(later)).toEqual(['demographic:gender=f', 'demographic:gender=m']);
  });

  it('suppresses groups when the run leaves out fewer than 5 enrolled mentees', () => {
    const [f, m] = [women(10), men(10)];
    const enrolment: DisclosureBaseline = new Map(
      [...f, ...m].map((x): [string, MenteeStatus] => [x.participantId, 'enrolled']),
    );
    // One woman removed from the draft: the group's mentee count against the enrolment names her.
    const inRun = [...f.slice(1), ...m];
    const report = buildRunReport(
      inRun,
      inRun
        .slice(0, 5)
        .concat(m.slice(0, 5))
        .map((x) => pair(x)),
      [],
      [enrolment],
    );
    expect(report.groups).toEqual([]);
  });
});
