import type { MatchingRules } from '../scoring/matching-profile';
import { aProfile, noHardRules, someRules, winter } from '../scoring/scoring.test-kit';
import { formRelationships } from './form-groups';
import type { MentorProfile } from './match-run-types';
import { runMatching } from './run-matching';

const groupRules: MatchingRules = someRules({
  programType: 'group',
  criteriaWeights: { skills: 1 },
  minimumScore: 0,
  hardRules: noHardRules,
});
const mentee = (id: string) => aProfile({ participantId: id, userId: `u-${id}`, skillsSought: ['a'] });
const mentor = (id: string, remainingCapacity: number): MentorProfile => ({
  ...aProfile({ participantId: id, userId: `u-${id}`, skillsOffered: ['a'] }),
  remainingCapacity,
});

describe('group programs', () => {
  it("given a group program's run, forms one relationship per mentor with all their mentees", () => {
    const result = runMatching({
      mentees: ['e-1', 'e-2', 'e-3', 'e-4', 'e-5'].map(mentee),
      mentors: [mentor('m-1', 3), mentor('m-2', 3)],
      mentorsPerMentee: 1,
      rules: groupRules,
      context: winter,
      maxGroupSize: 3,
    });
    expect(result.report.matched).toBe(5);
    const groups = formRelationships(result.pairs, 'group');
    expect(groups).toHaveLength(2);
    expect(groups.flatMap((g) => g.menteeIds).sort()).toEqual(['e-1', 'e-2', 'e-3', 'e-4', 'e-5']);
    for (const group of groups) {
      expect(group.menteeIds.length).toBeLessThanOrEqual(3);
      expect(group.menteeIds).toEqual(
        result.pairs.filter((p) => p.mentorId === group.mentorId).map((p) => p.menteeId),
      );
    }
  });

  it('never puts more mentees with one mentor than maxGroupSize, whatever capacity they were given', () => {
    const result = runMatching({
      mentees: ['e-1', 'e-2', 'e-3', 'e-4'].map(mentee),
      mentors: [mentor('m-1', 10)],
      mentorsPerMentee: 1,
      rules: groupRules,
      context: winter,
      maxGroupSize: 2,
    });
    expect(result.pairs).toHaveLength(2);
    expect(result.report.unmatchedMentees.map((u) => u.reason)).toEqual([
      'capacity-exhausted',
      'capacity-exhausted',
    ]);
    expect(result.optimal).toBe(true);
  });

  it('outside group programs, each pair is its own relationship and maxGroupSize does not apply', () => {
    const pairs = [
      { menteeId: 'e-1', mentorId: 'm-1', score: 80 },
      { menteeId: 'e-2', mentorId: 'm-1', score: 60 },
    ];
    expect(formRelationships(pairs, 'one-to-one')).toEqual([
      { mentorId: 'm-1', menteeIds: ['e-1'], score: 80 },
      { mentorId: 'm-1', menteeIds: ['e-2'], score: 60 },
    ]);
    expect(formRelationships(pairs, 'group')).toEqual([
      { mentorId: 'm-1', menteeIds: ['e-1', 'e-2'], score: 70 },
    ]);
  });
});
