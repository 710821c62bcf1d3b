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
    source: 'self-select',
    expiresAt: '2026-12-01T00:00:00.000Z',
  },
};
const decline = (by: string, asAdmin = false) =>
  ({ type: 'decline', by, asAdmin, reason: 'schedule-conflict' }) as const;

describe('a proposal', () => {
  it('is declined by a party or an admin, with the reason on the event', () => {
    expect(given(relationshipDecider, [proposed]).when(decline('mentor')).then()).toEqual([
      {
        type: 'matching.relationship.declined',
        data: { ...ref, participantId: 'mentor', reason: 'schedule-conflict' },
      },
    ]);
    expect(given(relationshipDecider, [proposed]).when(decline('admin', true)).then()).toEqual([
      {
        type: 'matching.relationship.declined',
        data: { ...ref, participantId: 'admin', reason: 'schedule-conflict' },
      },
    ]);
    const declined = given(relationshipDecider, [
      proposed,
      ...given(relationshipDecider, [proposed]).when(decline('mentee')).then(),
    ]);
    expect(declined.state.status).toBe('declined');
  });

  it('cannot be declined by a stranger, nor once started or declined', () => {
    expect(given(relationshipDecider, [proposed]).when(decline('stranger')).thenRefuses()).toMatchObject({
      code: 'not-a-party',
    });
    const declined: TandemEvent = {
      type: 'matching.relationship.declined',
      data: { ...ref, participantId: 'mentee', reason: 'other' },
    };
    expect(
      given(relationshipDecider, [proposed, declined]).when(decline('mentor')).thenRefuses(),
    ).toMatchObject({
      code: 'transition-not-allowed',
    });
  });

  it('lapses before its expiry when its program closed, and only while it is a proposal', () => {
    const early = '2026-11-01T00:00:00.000Z';
    expect(given(relationshipDecider, [proposed]).when({ type: 'expire', now: early }).then()).toEqual([]);
    expect(
      given(relationshipDecider, [proposed]).when({ type: 'expire', now: early, programClosed: true }).then(),
    ).toEqual([{ type: 'matching.relationship.expired', data: ref }]);
    const declined: TandemEvent = {
      type: 'matching.relationship.declined',
      data: { ...ref, participantId: 'mentee', reason: 'schedule-conflict' },
    };
    expect(
      given(relationshipDecider, [proposed, declined])
        .when({ type: 'expire', now: early, programClosed: true })
        .then(),
    ).toEqual([]);
  });

  it('expires at its expiry instant, not before, and only while nobody answered it', () => {
    const at = (now: string) => given(relationshipDecider, [proposed]).when({ type: 'expire', now }).then();
    expect(at('2026-11-30T23:59:59.999Z')).toEqual([]);
    expect(at('2026-12-01T00:00:00.000Z')).toEqual([{ type: 'matching.relationship.expired', data: ref }]);
    const declined: TandemEvent = {
      type: 'matching.relationship.declined',
      data: { ...ref, participantId: 'mentee', reason: 'other' },
    };
    expect(
      given(relationshipDecider, [proposed, declined])
        .when({ type: 'expire', now: '2027-01-01T00:00:00.000Z' })
        .then(),
    ).toEqual([]);
    const expired = [proposed, { type: 'matching.relationship.expired', data: ref } as TandemEvent];
    // A second sweep (another replica) appends nothing.
    expect(
      given(relationshipDecider, expired).when({ type: 'expire', now: '2027-01-01T00:00:00.000Z' }).then(),
    ).toEqual([]);
  });
});
