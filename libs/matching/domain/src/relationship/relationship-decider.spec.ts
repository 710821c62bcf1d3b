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
    score: 71.5,
    source: 'match-run',
    runId: 'run-1',
    expiresAt: '2026-12-01T00:00:00.000Z',
  },
};
const now = '2026-11-22T10:00:00.000Z';
const accept = (
  by: string,
  extra: Partial<{
    asAdmin: boolean;
    acceptance: 'both-parties' | 'admin-approval';
    now: string;
    capacityHeld: boolean;
    programClosed: boolean;
  }> = {},
) =>
  ({
    type: 'accept',
    by,
    asAdmin: false,
    acceptance: 'both-parties',
    now,
    capacityHeld: true,
    programClosed: false,
    ...extra,
  }) as const;
const started: TandemEvent = {
  type: 'matching.relationship.started',
  data: { ...ref, mentorIds: ['mentor'], menteeIds: ['mentee'], startedAt: now },
};

describe('relationship decider', () => {
  it('refuses to accept a proposal once its program is closed, recording nothing', () => {
    expect(
      given(relationshipDecider, [proposed])
        .when(accept('mentee', { programClosed: true }))
        .thenRefuses(),
    ).toMatchObject({ code: 'program-closed', kind: 'conflict' });
  });

  it('starts once both parties have accepted', () => {
    const first = given(relationshipDecider, [proposed]).when(accept('mentee')).then();
    expect(first).toEqual([
      { type: 'matching.relationship.accepted', data: { ...ref, participantId: 'mentee' } },
    ]);
    const second = given(relationshipDecider, [proposed, ...first])
      .when(accept('mentor'))
      .then();
    expect(second.map((e) => e.type)).toEqual([
      'matching.relationship.accepted',
      'matching.relationship.started',
    ]);
  });

  it("refuses to start without the mentors' capacity held, but takes an acceptance that does not start it", () => {
    expect(
      given(relationshipDecider, [proposed])
        .when(accept('mentee', { capacityHeld: false }))
        .then(),
    ).toEqual([{ type: 'matching.relationship.accepted', data: { ...ref, participantId: 'mentee' } }]);
    const acceptedByMentee = given(relationshipDecider, [
      proposed,
      { type: 'matching.relationship.accepted', data: { ...ref, participantId: 'mentee' } },
    ]);
    expect(acceptedByMentee.when(accept('mentor', { capacityHeld: false })).thenRefuses()).toMatchObject({
      code: 'capacity-not-held',
      kind: 'conflict',
    });
  });

  it('lets only a program admin approve when the program asks for admin approval', () => {
    const proposal = given(relationshipDecider, [proposed]);
    expect(proposal.when(accept('mentee', { acceptance: 'admin-approval' })).thenRefuses()).toMatchObject({
      code: 'admin-approval-required',
      kind: 'forbidden',
    });
    expect(
      proposal
        .when(accept('admin', { acceptance: 'admin-approval', asAdmin: true }))
        .then()
        .map((e) => e.type),
    ).toEqual(['matching.relationship.accepted', 'matching.relationship.started']);
  });

  it('refuses strangers and a second acceptance, and expires a proposal accepted too late', () => {
    expect(given(relationshipDecider, [proposed]).when(accept('stranger')).thenRefuses()).toMatchObject({
      code: 'parties-accept',
    });
    const acceptedOnce = given(relationshipDecider, [
      proposed,
      { type: 'matching.relationship.accepted', data: { ...ref, participantId: 'mentee' } },
    ]);
    expect(acceptedOnce.when(accept('mentee')).thenRefuses()).toMatchObject({ code: 'already-accepted' });
    expect(
      given(relationshipDecider, [proposed])
        .when(accept('mentee', { now: '2026-12-02T00:00:00.000Z' }))
        .then(),
    ).toEqual([{ type: 'matching.relationship.expired', data: ref }]);
  });

  it('pauses, resumes and ends with a re-match only for "not a good fit"', () => {
    const active = [proposed, started];
    const paused = given(relationshipDecider, active)
      .when({ type: 'pause', by: 'mentee', asAdmin: false, reason: 'parental-leave' })
      .then();
    expect(given(relationshipDecider, [...active, ...paused]).state.status).toBe('paused');
    const end = (reason: 'mismatch' | 'completed') =>
      given(relationshipDecider, active).when({
        type: 'end',
        by: 'mentee',
        asAdmin: false,
        reason,
        requestRematch: true,
        now,
      });
    expect(
      end('mismatch')
        .then()
        .map((e) => e.type),
    ).toEqual(['matching.relationship.ended', 'matching.relationship.rematch-requested']);
    expect(end('completed').thenRefuses()).toMatchObject({ code: 'rematch-needs-mismatch' });
    expect(
      given(relationshipDecider, active).when({ type: 'resume', by: 'mentee', asAdmin: false }).thenRefuses(),
    ).toMatchObject({ code: 'transition-not-allowed' });
  });

  it('takes one closing reflection per party, after the end', () => {
    const reflect = {
      type: 'submit-reflection',
      by: 'mentor',
      asAdmin: false,
      rating: 5,
      skillsGained: ['coaching'],
      goalsAchieved: 'yes',
    } as const;
    expect(given(relationshipDecider, [proposed, started]).when(reflect).thenRefuses()).toMatchObject({
      code: 'transition-not-allowed',
    });
    const ended: TandemEvent = {
      type: 'matching.relationship.ended',
      data: { ...ref, by: 'mentee', reason: 'completed' },
    };
    const [reflection] = given(relationshipDecider, [proposed, started, ended]).when(reflect).then();
    expect(reflection).toEqual({
      type: 'matching.relationship.reflection-submitted',
      data: { ...ref, participantId: 'mentor', rating: 5, skillsGained: ['coaching'], goalsAchieved: 'yes' },
    });
    expect(
      given(relationshipDecider, [proposed, started, ended, reflection!]).when(reflect).thenRefuses(),
    ).toMatchObject({ code: 'already-reflected' });
  });
});
