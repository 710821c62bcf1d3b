import type { TandemEvent } from '@tandem/events';
import { given } from '@tandem/kernel';
import { relationshipDecider } from './relationship-decider';

const ref = { relationshipId: 'r-1', programId: 'p-1' };
const proposed: TandemEvent = {
  type: 'matching.relationship.proposed',
  data: {
    ...ref,
    mentorIds: ['mentor'],
    menteeIds: ['mentee'],
    score: 60,
    source: 'admin',
    expiresAt: '2026-12-01T00:00:00.000Z',
  },
};
const started: TandemEvent = {
  type: 'matching.relationship.started',
  data: { ...ref, mentorIds: ['mentor'], menteeIds: ['mentee'], startedAt: '2026-11-01T00:00:00.000Z' },
};
const flag = (userId: string) => ({ type: 'flag-deactivated-party', userId }) as const;

describe('a relationship whose party was deactivated in the directory', () => {
  it('is flagged once per party while it runs, and goes on running', () => {
    const flagged = given(relationshipDecider, [proposed, started]).when(flag('mentee')).then();
    expect(flagged).toEqual([
      { type: 'matching.relationship.party-deactivated', data: { ...ref, userId: 'mentee' } },
    ]);
    const after = given(relationshipDecider, [proposed, started, ...flagged]);
    expect(after.state).toMatchObject({ status: 'active', deactivatedParties: ['mentee'] });
    expect(after.when(flag('mentee')).then()).toEqual([]);
    expect(after.when(flag('mentor')).then()).toHaveLength(1);
  });

  it('is not flagged for someone who is no party, nor when it is not running', () => {
    expect(given(relationshipDecider, [proposed, started]).when(flag('stranger')).then()).toEqual([]);
    expect(given(relationshipDecider, [proposed]).when(flag('mentee')).then()).toEqual([]);
  });
});
