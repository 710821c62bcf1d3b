import { given } from '@tandem/kernel';
import { goalDecider } from './goal-decider';
import type { GoalEvent } from './goal-evolve';
import type { ExistingGoal } from './goal-state';
import { AT_RISK_LAG_POINTS, deriveGoalStatus, DUE_SOON_DAYS, expectedProgress } from './goal-status';

// A 100-day goal: set 2026-01-01T00:00Z, due 2026-04-10 (its day ends 2026-04-11T00:00Z).
const ref = { goalId: 'g-1', relationshipId: 'r-1', programId: 'p-1' };
const setAt = '2026-01-01T00:00:00.000Z';
const goalSet: GoalEvent = {
  type: 'goals.goal.set',
  data: {
    ...ref,
    ownerId: 'mentee',
    measure: { kind: 'metric', baseline: 0, target: 100, unit: 'percent' },
    horizon: 'short-term',
    targetDate: '2026-04-10',
    setAt,
  },
};
const atDay = (day: number) => new Date(Date.parse(setAt) + day * 86_400_000).toISOString();
const progress = (value: number): GoalEvent => ({
  type: 'goals.goal.progress-recorded',
  data: { ...ref, recordedBy: 'mentee', progress: value, value },
});
const goalWith = (...events: GoalEvent[]) => given(goalDecider, [goalSet, ...events]).state as ExistingGoal;
const statusAt = (goal: ExistingGoal, now: string, relationshipPaused = false) =>
  deriveGoalStatus(goal, { now, relationshipPaused });

describe('derived goal status', () => {
  it('draws the straight line from 0% when set to 100% at the end of the due day', () => {
    expect(expectedProgress(goalWith(), atDay(50))).toBe(50);
    expect(expectedProgress(goalWith(), atDay(150))).toBe(100);
  });

  it(`is at-risk only when more than ${AT_RISK_LAG_POINTS} points behind the line`, () => {
    // Day 50: the line is at 50%.
    expect(statusAt(goalWith(progress(25)), atDay(50))).toBe('on-track'); // exactly 25 behind
    expect(statusAt(goalWith(progress(24.9)), atDay(50))).toBe('at-risk');
    expect(statusAt(goalWith(), atDay(25))).toBe('on-track');
    expect(statusAt(goalWith(), atDay(25.1))).toBe('at-risk');
  });

  it(`is at-risk when due within ${DUE_SOON_DAYS} days with less than half done`, () => {
    // Day 93 is 7 days before the due day ends; the line is at 93%, so 70% is within the lag.
    expect(statusAt(goalWith(progress(70)), atDay(93))).toBe('on-track');
    // Without a start (goals set before setAt existed) only the due-soon rule applies, at its boundaries.
    const noStart = { ...goalWith(progress(49)), setAt: undefined } as ExistingGoal;
    expect(statusAt(noStart, atDay(92.9))).toBe('on-track');
    expect(statusAt(noStart, atDay(93))).toBe('at-risk');
    expect(statusAt({ ...noStart, progress: 50 } as ExistingGoal, atDay(93))).toBe('on-track');
  });

  it('is overdue from the end of its due day, but never while the relationship is paused', () => {
    const nearlyDone = goalWith(progress(99));
    expect(statusAt(nearlyDone, '2026-04-10T23:59:59.999Z')).toBe('on-track');
    expect(statusAt(nearlyDone, '2026-04-11T00:00:00.000Z')).toBe('overdue');
    expect(statusAt(nearlyDone, '2026-04-11T00:00:00.000Z', true)).toBe('on-track');
    expect(statusAt(goalWith(progress(10)), '2026-05-01T00:00:00.000Z', true)).toBe('at-risk');
  });

  it('counts completed milestones as progress for milestone goals', () => {
    const milestoneSet = {
      ...goalSet,
      data: { ...goalSet.data, measure: { kind: 'milestones' } },
    } as GoalEvent;
    const added = (id: string): GoalEvent => ({
      type: 'goals.goal.milestone-added',
      data: { ...ref, milestoneId: id },
    });
    const done: GoalEvent = {
      type: 'goals.goal.milestone-completed',
      data: { ...ref, milestoneId: 'm-1', completedBy: 'mentee', completedAt: atDay(10) },
    };
    const state = given(goalDecider, [milestoneSet, added('m-1'), added('m-2'), done]).state as ExistingGoal;
    expect(statusAt(state, atDay(75))).toBe('on-track'); // 50% done, line at 75%
    expect(statusAt(state, atDay(76))).toBe('at-risk');
  });

  it('keeps the outcome of a finished goal whatever the date', () => {
    const completed: GoalEvent = {
      type: 'goals.goal.completed',
      data: { ...ref, completedBy: 'mentee', completedAt: atDay(10) },
    };
    const closed: GoalEvent = {
      type: 'goals.goal.closed',
      data: { ...ref, reason: 'relationship-ended', closedAt: atDay(10) },
    };
    expect(statusAt(goalWith(completed), atDay(500))).toBe('completed');
    expect(statusAt(goalWith(closed), atDay(500))).toBe('ended-with-relationship');
  });
});
