import { assessPair } from './assess-pair';
import { previousPairsOf, type PastRelationship } from './previous-pairs';
import { aProfile, noHardRules, someRules } from './scoring.test-kit';

const at = new Date('2027-06-01T00:00:00.000Z');
const past = (overrides: Partial<PastRelationship>): PastRelationship => ({
  mentorIds: ['u-mentor'],
  menteeIds: ['u-mentee'],
  startedAt: '2025-01-10T00:00:00.000Z',
  open: false,
  ...overrides,
});

describe('previous pairs, across programs', () => {
  it('given relationships from any program that started, counts every mentee with every mentor', () => {
    const pairs = previousPairsOf(
      [past({ menteeIds: ['u-a', 'u-b'] }), past({ mentorIds: ['u-other'], startedAt: undefined })],
      at,
    );
    expect([...pairs].sort()).toEqual(['u-a|u-mentor', 'u-b|u-mentor']);
  });

  it('with a look-back, forgets relationships that started earlier and are over, not those still running', () => {
    const old = past({});
    const running = past({ menteeIds: ['u-running'], open: true });
    const recent = past({ menteeIds: ['u-recent'], startedAt: '2027-03-01T00:00:00.000Z' });
    expect([...previousPairsOf([old, running, recent], at, 365)].sort()).toEqual([
      'u-recent|u-mentor',
      'u-running|u-mentor',
    ]);
  });

  it('then excludes the pair in a new program, in either direction', () => {
    const rules = someRules({ hardRules: { ...noHardRules, excludePreviousPairs: true } });
    const context = { previousPairs: previousPairsOf([past({})], at), at };
    const mentee = aProfile({ userId: 'u-mentee' });
    const mentor = aProfile({ userId: 'u-mentor' });
    expect(assessPair(mentee, mentor, rules, context)).toMatchObject({
      eligible: false,
      excludedBy: [expect.objectContaining({ rule: 'previously-paired' })],
    });
    expect(assessPair(mentor, mentee, rules, context)).toMatchObject({ eligible: false });
  });
});
