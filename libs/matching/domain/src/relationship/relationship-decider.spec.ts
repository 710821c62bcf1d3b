import type { TandemEvent } from '@tandem/events';
import { givenEvents } from '../shared/decider-spec';
import { relationshipDecider } from './relationship-decider';

const ref = { relationshipId: 'r-1', programId: 'p-1' };
const proposed: TandemEvent = {
  type: 'matching.relationship.proposed',
  data: { ...ref, mentorIds: ['mentor'], menteeIds: ['mentee'], score: 71.5, source: 'match-run', runId: 'run-1', expiresAt: '2026-12-01T00:00:00.000Z' },
};
const now = '2026-11-22T10:00:00.000Z';
const accept = (by: string, extra: Partial<{ asAdmin: boolean; acceptance: 'both-parties' | 'admin-approval'; now: string }> = {}) =>
  ({ type: 'accept', by, asAdmin: false, acceptance: 'both-parties', now, ...extra }) as const;
const started: TandemEvent = { type: 'matching.relationship.started', data: { ...ref, mentorIds: ['mentor'], menteeIds: ['mentee'], startedAt: now } };

describe('relationship decider', () => {
  it('starts once both parties have accepted', () => {
    const first = givenEvents(relationshipDecider, [proposed]).when(accept('mentee'))();
    expect(first).toEqual([{ type: 'matching.relationship.accepted', data: { ...ref, participantId: 'mentee' } }]);
    const second = givenEvents(relationshipDecider, [proposed, ...first]).when(accept('mentor'))();
    expect(second.map((e) => e.type)).toEqual(['matching.relationship.accepted', 'matching.relationship.started']);
  });

  it('lets only a program admin approve when the program asks for admin approval', () => {
    const given = givenEvents(relationshipDecider, [proposed]);
    expect(given.when(accept('mentee', { acceptance: 'admin-approval' }))).toThrow(expect.objectContaining({ code: 'admin-approval-required', kind: 'forbidden' }));
    expect(given.when(accept('admin', { acceptance: 'admin-approval', asAdmin: true }))().map((e) => e.type)).toEqual([
      'matching.relationship.accepted',
      'matching.relationship.started',
    ]);
  });

  it('refuses strangers and a second acceptance, and expires a proposal accepted too late', () => {
    expect(givenEvents(relationshipDecider, [proposed]).when(accept('stranger'))).toThrow(expect.objectContaining({ code: 'parties-accept' }));
    const acceptedOnce = givenEvents(relationshipDecider, [proposed, { type: 'matching.relationship.accepted', data: { ...ref, participantId: 'mentee' } }]);
    expect(acceptedOnce.when(accept('mentee'))).toThrow(expect.objectContaining({ code: 'already-accepted' }));
    expect(givenEvents(relationshipDecider, [proposed]).when(accept('mentee', { now: '2026-12-02T00:00:00.000Z' }))()).toEqual([
      { type: 'matching.relationship.expired', data: ref },
    ]);
  });

  it('pauses, resumes and ends with a re-match only for "not a good fit"', () => {
    const active = [proposed, started];
    const paused = givenEvents(relationshipDecider, active).when({ type: 'pause', by: 'mentee', asAdmin: false, reason: 'parental-leave' })();
    expect(givenEvents(relationshipDecider, [...active, ...paused]).state.status).toBe('paused');
    const end = (reason: 'mismatch' | 'completed') => givenEvents(relationshipDecider, active).when({ type: 'end', by: 'mentee', asAdmin: false, reason, requestRematch: true, now });
    expect(end('mismatch')().map((e) => e.type)).toEqual(['matching.relationship.ended', 'matching.relationship.rematch-requested']);
    expect(end('completed')).toThrow(expect.objectContaining({ code: 'rematch-needs-mismatch' }));
    expect(givenEvents(relationshipDecider, active).when({ type: 'resume', by: 'mentee', asAdmin: false })).toThrow(
      expect.objectContaining({ code: 'transition-not-allowed' }),
    );
  });

  it('takes one closing reflection per party, after the end', () => {
    const reflect = { type: 'submit-reflection', by: 'mentor', asAdmin: false, rating: 5, skillsGained: ['coaching'], goalsAchieved: 'yes' } as const;
    expect(givenEvents(relationshipDecider, [proposed, started]).when(reflect)).toThrow(expect.objectContaining({ code: 'transition-not-allowed' }));
    const ended: TandemEvent = { type: 'matching.relationship.ended', data: { ...ref, by: 'mentee', reason: 'completed' } };
    const [reflection] = givenEvents(relationshipDecider, [proposed, started, ended]).when(reflect)();
    expect(reflection).toEqual({ type: 'matching.relationship.reflection-submitted', data: { ...ref, participantId: 'mentor', rating: 5, skillsGained: ['coaching'], goalsAchieved: 'yes' } });
    expect(givenEvents(relationshipDecider, [proposed, started, ended, reflection!]).when(reflect)).toThrow(expect.objectContaining({ code: 'already-reflected' }));
  });
});
