import { given } from '@tandem/kernel';
import type { GoalCommand, KnownRelationship } from './goal-commands';
import { goalDecider } from './goal-decider';
import type { GoalEvent } from './goal-evolve';

const now = '2026-03-01T09:00:00.000Z';
const relationship: KnownRelationship = {
  relationshipId: 'r-1',
  programId: 'p-1',
  status: 'active',
  mentorIds: ['mentor'],
  menteeIds: ['mentee'],
};
const ref = { goalId: 'g-1', relationshipId: 'r-1', programId: 'p-1' };
const setGoal = (extra: Partial<Extract<GoalCommand, { type: 'set' }>> = {}): GoalCommand => ({
  type: 'set',
  goalId: 'g-1',
  by: 'mentee',
  relationship,
  measure: { kind: 'metric', baseline: 2, target: 10, unit: 'talks' },
  horizon: 'short-term',
  targetDate: '2026-06-30',
  milestones: [],
  now,
  ...extra,
});
const goalSet: GoalEvent = {
  type: 'goals.goal.set',
  data: {
    ...ref,
    ownerId: 'mentee',
    measure: { kind: 'metric', baseline: 2, target: 10, unit: 'talks' },
    horizon: 'short-term',
    targetDate: '2026-06-30',
    setAt: now,
  },
};
const milestone = (milestoneId: string): GoalEvent => ({
  type: 'goals.goal.milestone-added',
  data: { ...ref, milestoneId },
});
const completed: GoalEvent = {
  type: 'goals.goal.completed',
  data: { ...ref, completedBy: 'mentee', completedAt: now },
};

describe('goal decider: setting a goal', () => {
  it('sets a goal owned by the acting mentee, with its milestones in order', () => {
    const events = given(goalDecider, [])
      .when(setGoal({ milestones: [{ milestoneId: 'm-1', dueDate: '2026-04-01' }, { milestoneId: 'm-2' }] }))
      .then();
    expect(events).toEqual([
      goalSet,
      { type: 'goals.goal.milestone-added', data: { ...ref, milestoneId: 'm-1', dueDate: '2026-04-01' } },
      milestone('m-2'),
    ]);
  });

  it('gives a mentor’s goal to the only mentee, and asks for an owner in a group', () => {
    const [set] = given(goalDecider, [])
      .when(setGoal({ by: 'mentor' }))
      .then();
    expect(set?.type === 'goals.goal.set' && set.data.ownerId).toBe('mentee');
    const group = { ...relationship, menteeIds: ['mentee', 'mentee-2'] };
    expect(
      given(goalDecider, [])
        .when(setGoal({ by: 'mentor', relationship: group }))
        .thenRefuses(),
    ).toMatchObject({ code: 'owner-required', kind: 'invalid' });
    expect(
      given(goalDecider, [])
        .when(setGoal({ ownerId: 'mentor' }))
        .thenRefuses(),
    ).toMatchObject({ code: 'owner-not-mentee', kind: 'invalid' });
  });

  it('refuses unknown and foreign relationships alike (not found), and ended or unstarted ones (conflict)', () => {
    const refuse = (extra: Partial<Extract<GoalCommand, { type: 'set' }>>) =>
      given(goalDecider, []).when(setGoal(extra)).thenRefuses();
    expect(refuse({ relationship: undefined })).toMatchObject({
      code: 'relationship-not-found',
      kind: 'not-found',
    });
    expect(refuse({ by: 'stranger' })).toMatchObject({ code: 'relationship-not-found', kind: 'not-found' });
    expect(refuse({ relationship: { ...relationship, status: 'ended' } })).toMatchObject({
      code: 'relationship-ended',
      kind: 'conflict',
    });
    expect(refuse({ relationship: { ...relationship, status: 'proposed' } })).toMatchObject({
      code: 'relationship-not-active',
      kind: 'conflict',
    });
    expect(
      given(goalDecider, [])
        .when(setGoal({ relationship: { ...relationship, status: 'paused' } }))
        .then(),
    ).toHaveLength(1);
  });

  it('refuses a due date before today and a target equal to its baseline; today is fine', () => {
    expect(
      given(goalDecider, [])
        .when(setGoal({ targetDate: '2026-02-28' }))
        .thenRefuses(),
    ).toMatchObject({ code: 'due-date-in-past', kind: 'invalid' });
    expect(
      given(goalDecider, [])
        .when(setGoal({ targetDate: '2026-03-01' }))
        .then(),
    ).toHaveLength(1);
    const flat = { kind: 'metric', baseline: 5, target: 5, unit: 'talks' } as const;
    expect(
      given(goalDecider, [])
        .when(setGoal({ measure: flat }))
        .thenRefuses(),
    ).toMatchObject({ code: 'target-equals-baseline', kind: 'invalid' });
    expect(given(goalDecider, [goalSet]).when(setGoal()).thenRefuses()).toMatchObject({
      code: 'goal-exists',
      kind: 'conflict',
    });
  });
});

describe('goal decider: working on a goal', () => {
  it('turns a metric value into progress along baseline → target, clamped to 0–100', () => {
    const record = (value: number) =>
      given(goalDecider, [goalSet]).when({ type: 'record-progress', by: 'mentor', value, now }).then()[0];
    expect(record(6)).toEqual({
      type: 'goals.goal.progress-recorded',
      data: { ...ref, recordedBy: 'mentor', recordedAt: now, progress: 50, value: 6 },
    });
    expect(record(14)?.data).toMatchObject({ progress: 100 });
    expect(record(0)?.data).toMatchObject({ progress: 0 });
  });

  it('takes a percentage for milestone goals and refuses a metric value there', () => {
    const milestoneGoal: GoalEvent = {
      ...goalSet,
      data: { ...goalSet.data, measure: { kind: 'milestones' } },
    } as GoalEvent;
    const on = given(goalDecider, [milestoneGoal]);
    expect(
      on.when({ type: 'record-progress', by: 'mentee', percent: 30, now }).then()[0]?.data,
    ).toMatchObject({ progress: 30 });
    expect(on.when({ type: 'record-progress', by: 'mentee', value: 3, now }).thenRefuses()).toMatchObject({
      code: 'value-needs-metric',
      kind: 'invalid',
    });
    expect(on.when({ type: 'record-progress', by: 'mentee', now }).thenRefuses()).toMatchObject({
      code: 'progress-missing',
      kind: 'invalid',
    });
  });

  it('refuses progress, revisions and milestones on a completed goal (conflict)', () => {
    const done = given(goalDecider, [goalSet, completed]);
    expect(done.when({ type: 'record-progress', by: 'mentee', value: 3, now }).thenRefuses()).toMatchObject({
      code: 'goal-not-open',
      kind: 'conflict',
    });
    expect(
      done.when({ type: 'add-milestone', by: 'mentee', milestoneId: 'm-9', now }).thenRefuses().code,
    ).toBe('goal-not-open');
    expect(given(goalDecider, []).when({ type: 'complete', by: 'mentee', now }).thenRefuses()).toMatchObject({
      code: 'goal-not-found',
      kind: 'not-found',
    });
  });

  it('completes milestones once, recording who and when', () => {
    const on = given(goalDecider, [goalSet, milestone('m-1')]);
    expect(on.when({ type: 'complete-milestone', by: 'mentor', milestoneId: 'm-1', now }).then()).toEqual([
      {
        type: 'goals.goal.milestone-completed',
        data: { ...ref, milestoneId: 'm-1', completedBy: 'mentor', completedAt: now },
      },
    ]);
    expect(
      on.when({ type: 'complete-milestone', by: 'mentor', milestoneId: 'm-2', now }).thenRefuses(),
    ).toMatchObject({ code: 'milestone-not-found', kind: 'not-found' });
    const twice = given(goalDecider, [
      goalSet,
      milestone('m-1'),
      ...on.when({ type: 'complete-milestone', by: 'mentor', milestoneId: 'm-1', now }).then(),
    ]);
    expect(
      twice.when({ type: 'complete-milestone', by: 'mentee', milestoneId: 'm-1', now }).thenRefuses().code,
    ).toBe('milestone-completed');
    expect(twice.state.status === 'open' && twice.state.milestones[0]).toEqual({
      milestoneId: 'm-1',
      completedBy: 'mentor',
      completedAt: now,
    });
  });

  it('revises with a reason, naming what changed, and validates the new values', () => {
    const on = given(goalDecider, [goalSet]);
    const later = '2026-04-15T00:00:00.000Z';
    const [revised] = on
      .when({
        type: 'revise',
        by: 'mentee',
        reason: 'scope-grew',
        changes: { targetDate: '2026-09-30', textFields: ['title'] },
        now: later,
      })
      .then();
    expect(revised).toEqual({
      type: 'goals.goal.revised',
      data: {
        ...ref,
        revisedBy: 'mentee',
        reason: 'scope-grew',
        changedFields: ['target-date', 'title'],
        targetDate: '2026-09-30',
        revisedAt: later,
      },
    });
    const after = given(goalDecider, [goalSet, revised!]).state;
    expect(after.status === 'open' && [after.targetDate, after.revisions]).toEqual(['2026-09-30', 1]);
    expect(on.when({ type: 'revise', by: 'mentee', reason: 'x', changes: {}, now }).thenRefuses().code).toBe(
      'nothing-to-revise',
    );
    expect(
      on
        .when({ type: 'revise', by: 'mentee', reason: 'x', changes: { targetDate: '2026-01-01' }, now })
        .thenRefuses().code,
    ).toBe('due-date-in-past');
  });

  it('completes with what analytics celebrates: days taken and milestones done', () => {
    const history = [
      goalSet,
      milestone('m-1'),
      milestone('m-2'),
      {
        type: 'goals.goal.milestone-completed',
        data: { ...ref, milestoneId: 'm-1', completedBy: 'mentee', completedAt: now },
      } as GoalEvent,
    ];
    const [done] = given(goalDecider, history)
      .when({ type: 'complete', by: 'mentee', now: '2026-04-10T08:00:00.000Z' })
      .then();
    expect(done?.data).toMatchObject({
      daysTaken: 39,
      milestonesCompleted: 1,
      milestonesTotal: 2,
      completedAt: '2026-04-10T08:00:00.000Z',
    });
  });

  it('closes an open goal when its relationship ends, once; finished goals stay as they are', () => {
    const close: GoalCommand = { type: 'close-with-relationship', now };
    expect(given(goalDecider, [goalSet]).when(close).then()).toEqual([
      { type: 'goals.goal.closed', data: { ...ref, reason: 'relationship-ended', closedAt: now } },
    ]);
    const closed = given(goalDecider, [goalSet, ...given(goalDecider, [goalSet]).when(close).then()]);
    expect(closed.state.status).toBe('ended-with-relationship');
    expect(closed.when(close).then()).toEqual([]);
    expect(given(goalDecider, [goalSet, completed]).when(close).then()).toEqual([]);
    expect(
      given(goalDecider, [
        goalSet,
        {
          type: 'goals.goal.abandoned',
          data: { ...ref, abandonedBy: 'mentee', reason: 'priorities-changed' },
        },
      ]).state.status,
    ).toBe('abandoned');
  });
});
