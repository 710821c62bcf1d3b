import type { TandemEvent } from '@tandem/events';
import { given } from '@tandem/kernel';
import { relationshipDecider } from './relationship-decider';
import { isAgreed, type RelationshipState } from './relationship-state';

const ref = { relationshipId: 'r-1', programId: 'p-1' };
const started: TandemEvent[] = [
  {
    type: 'matching.relationship.proposed',
    data: {
      ...ref,
      mentorIds: ['mentor'],
      menteeIds: ['mentee'],
      score: 80,
      source: 'admin',
      expiresAt: '2026-12-01T00:00:00.000Z',
    },
  },
  {
    type: 'matching.relationship.started',
    data: { ...ref, mentorIds: ['mentor'], menteeIds: ['mentee'], startedAt: '2026-11-20T00:00:00.000Z' },
  },
];
const terms = { sessionsPerMonth: 2, channel: 'video', confidentiality: 'pair-only' } as const;
const propose = (by: string, extra: object = {}) =>
  ({ type: 'propose-agreement', by, asAdmin: false, terms, ...extra }) as const;
const confirm = (by: string, agreementVersion: number) =>
  ({ type: 'confirm-agreement', by, asAdmin: false, agreementVersion }) as const;
const agreementOf = (state: RelationshipState) =>
  state.status === 'active' || state.status === 'paused' ? state.agreement : undefined;
const parties = { mentorIds: ['mentor'], menteeIds: ['mentee'] };

describe('the mutual agreement', () => {
  it('is agreed only once every party confirmed the same version: proposing counts as the proposer confirming', () => {
    const proposed = given(relationshipDecider, started)
      .when(
        propose('mentee', {
          availability: { timeZone: 'Europe/Paris', windows: [{ day: 'tue', from: '09:00', to: '11:00' }] },
        }),
      )
      .then();
    expect(proposed).toEqual([
      {
        type: 'matching.relationship.agreement-proposed',
        data: {
          ...ref,
          by: 'mentee',
          agreementVersion: 1,
          ...terms,
          availability: [
            {
              participantId: 'mentee',
              timeZone: 'Europe/Paris',
              windows: [{ day: 'tue', from: '09:00', to: '11:00' }],
            },
          ],
        },
      },
      {
        type: 'matching.relationship.agreement-confirmed',
        data: { ...ref, by: 'mentee', agreementVersion: 1 },
      },
    ]);
    const half = given(relationshipDecider, [...started, ...proposed]);
    expect(isAgreed(parties, agreementOf(half.state))).toBe(false);

    const confirmed = half.when(confirm('mentor', 1)).then();
    expect(confirmed).toEqual([
      {
        type: 'matching.relationship.agreement-confirmed',
        data: { ...ref, by: 'mentor', agreementVersion: 1 },
      },
      {
        type: 'matching.relationship.agreement-recorded',
        data: { ...ref, by: 'mentor', sessionsPerMonth: 2 },
      },
    ]);
    expect(
      isAgreed(
        parties,
        agreementOf(given(relationshipDecider, [...started, ...proposed, ...confirmed]).state),
      ),
    ).toBe(true);
  });

  it('needs every party again after a change, and refuses confirming a version that was replaced', () => {
    const v1 = given(relationshipDecider, started).when(propose('mentee')).then();
    const agreed = [
      ...started,
      ...v1,
      ...given(relationshipDecider, [...started, ...v1])
        .when(confirm('mentor', 1))
        .then(),
    ];
    // The mentor adds their availability: version 2, which the mentee has not confirmed.
    const v2 = given(relationshipDecider, agreed)
      .when(
        propose('mentor', {
          availability: {
            timeZone: 'America/New_York',
            windows: [{ day: 'mon', from: '08:00', to: '09:30' }],
          },
        }),
      )
      .then();
    expect(v2[0]).toMatchObject({ data: { agreementVersion: 2, by: 'mentor' } });
    const changed = given(relationshipDecider, [...agreed, ...v2]);
    expect(isAgreed(parties, agreementOf(changed.state))).toBe(false);
    expect(changed.when(confirm('mentee', 1)).thenRefuses()).toMatchObject({
      code: 'agreement-version-changed',
      kind: 'conflict',
    });
    expect(changed.when(confirm('mentor', 2)).thenRefuses()).toMatchObject({ code: 'already-confirmed' });
    expect(
      changed
        .when(confirm('mentee', 2))
        .then()
        .map((e) => e.type),
    ).toEqual(['matching.relationship.agreement-confirmed', 'matching.relationship.agreement-recorded']);
  });

  it("keeps each party's availability in their own time zone when the other proposes", () => {
    const own = { timeZone: 'Asia/Tokyo', windows: [{ day: 'wed', from: '18:00', to: '20:00' }] } as const;
    const v1 = given(relationshipDecider, started)
      .when(propose('mentor', { availability: own }))
      .then();
    const [v2] = given(relationshipDecider, [...started, ...v1])
      .when(propose('mentee', { terms: { ...terms, channel: 'phone' } }))
      .then();
    expect(v2).toMatchObject({
      data: { agreementVersion: 2, channel: 'phone', availability: [{ participantId: 'mentor', ...own }] },
    });
  });

  it('refuses strangers, admins, windows that end before they start, confirming before any proposal, and agreeing on a proposal', () => {
    const running = given(relationshipDecider, started);
    expect(running.when(propose('stranger')).thenRefuses()).toMatchObject({
      code: 'not-a-party',
      kind: 'forbidden',
    });
    expect(running.when({ ...propose('admin'), asAdmin: true }).thenRefuses()).toMatchObject({
      code: 'not-a-party',
    });
    expect(
      running
        .when(
          propose('mentee', {
            availability: { timeZone: 'UTC', windows: [{ day: 'fri', from: '10:00', to: '09:00' }] },
          }),
        )
        .thenRefuses(),
    ).toMatchObject({ code: 'invalid-window', kind: 'invalid' });
    expect(running.when(confirm('mentor', 1)).thenRefuses()).toMatchObject({ code: 'no-agreement-proposed' });
    expect(
      given(relationshipDecider, started.slice(0, 1)).when(propose('mentee')).thenRefuses(),
    ).toMatchObject({
      code: 'transition-not-allowed',
    });
  });
});
