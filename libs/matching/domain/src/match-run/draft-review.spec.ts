import { aProfile, noHardRules, someRules, winter } from '../scoring/scoring.test-kit';
import type { MentorProfile } from './match-run-types';
import { reviseDraft } from './revise-draft';
import { runMatching } from './run-matching';

const rules = someRules({
  criteriaWeights: { skills: 1 },
  minimumScore: 0,
  hardRules: { ...noHardRules, excludeSameDepartment: true },
});
const mentee = (id: string, skillsSought: string[]) =>
  aProfile({ participantId: id, userId: `u-${id}`, department: 'Sales', skillsSought });
const mentor = (id: string, skillsOffered: string[], department = 'Finance'): MentorProfile => ({
  ...aProfile({ participantId: id, userId: `u-${id}`, department, skillsOffered }),
  remainingCapacity: 1,
});
const mentees = [mentee('e-1', ['a']), mentee('e-2', ['b']), mentee('e-3', ['c'])];
const mentors = [
  mentor('m-a', ['a']),
  mentor('m-b', ['b']),
  mentor('m-c', ['c']),
  mentor('m-x', ['a'], 'Sales'),
];
const solve = (constraints?: Parameters<typeof runMatching>[0]['constraints']) =>
  runMatching({
    mentees,
    mentors,
    mentorsPerMentee: 1,
    rules,
    context: winter,
    ...(constraints ? { constraints } : {}),
  });
const pairsOf = (result: ReturnType<typeof solve>) => result.pairs.map((p) => `${p.menteeId}|${p.mentorId}`);

describe('draft review', () => {
  it('given a draft, pinning a pair re-solves the rest optimally around it, certificate intact', () => {
    expect(pairsOf(solve())).toEqual(['e-1|m-a', 'e-2|m-b', 'e-3|m-c']);
    const constraints = reviseDraft({ status: 'draft' }, { pin: [{ menteeId: 'e-2', mentorId: 'm-a' }] });
    const revised = solve(constraints);
    expect(pairsOf(revised)).toContain('e-2|m-a');
    expect(pairsOf(revised)).toContain('e-3|m-c');
    expect(pairsOf(revised)).not.toContain('e-1|m-a');
    expect(revised.optimal).toBe(true);
  });

  it('forbidding a pair and removing a mentee keep them out; earlier decisions stay', () => {
    const first = reviseDraft({ status: 'draft' }, { forbid: [{ menteeId: 'e-1', mentorId: 'm-a' }] });
    const second = reviseDraft({ status: 'draft', constraints: first }, { remove: ['e-3'] });
    expect(second).toEqual({
      pinned: [],
      forbidden: [{ menteeId: 'e-1', mentorId: 'm-a' }],
      removed: ['e-3'],
    });
    const revised = solve(second);
    expect(pairsOf(revised)).toEqual(['e-2|m-b']);
    expect(revised.report.unmatchedMentees.map((u) => u.menteeId)).toEqual(['e-1']);
    expect(revised.optimal).toBe(true);
    // Pinning it later is a change of mind: the pin wins.
    const third = reviseDraft(
      { status: 'draft', constraints: second },
      { pin: [{ menteeId: 'e-1', mentorId: 'm-a' }] },
    );
    expect(third.forbidden).toEqual([]);
    expect(pairsOf(solve(third))).toEqual(['e-1|m-a', 'e-2|m-b']);
  });

  it('refuses to pin a pair a hard rule excludes, to revise a published run, or an empty change', () => {
    const pinExcluded = reviseDraft({ status: 'draft' }, { pin: [{ menteeId: 'e-1', mentorId: 'm-x' }] });
    expect(() => solve(pinExcluded)).toThrow(expect.objectContaining({ code: 'pin-excluded' }));
    const overCapacity = reviseDraft(
      { status: 'draft' },
      {
        pin: [
          { menteeId: 'e-1', mentorId: 'm-a' },
          { menteeId: 'e-2', mentorId: 'm-a' },
        ],
      },
    );
    expect(() => solve(overCapacity)).toThrow(expect.objectContaining({ code: 'pin-over-capacity' }));
    expect(() => solve({ pinned: [], forbidden: [], removed: ['nobody'] })).toThrow(
      expect.objectContaining({ code: 'mentee-not-in-run' }),
    );
    expect(() => reviseDraft({ status: 'published' }, { remove: ['e-1'] })).toThrow(
      expect.objectContaining({ code: 'run-published' }),
    );
    expect(() => reviseDraft({ status: 'draft' }, {})).toThrow(
      expect.objectContaining({ code: 'nothing-to-revise' }),
    );
  });
});
