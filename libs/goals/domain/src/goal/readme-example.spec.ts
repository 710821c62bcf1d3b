import type { ExistingGoal } from './goal-state';
import { goalDecider } from './goal-decider';
import { deriveGoalStatus } from './goal-status';

describe('README example', () => {
  it('sets a goal and derives its status later', () => {
    const relationship = {
      relationshipId: 'r-1',
      programId: 'p-1',
      status: 'active',
      mentorIds: ['mentor'],
      menteeIds: ['mentee'],
    } as const;
    const now = '2026-03-01T09:00:00.000Z';
    const events = goalDecider.decide(
      {
        type: 'set',
        goalId: 'g-1',
        by: 'mentee',
        relationship,
        measure: { kind: 'metric', baseline: 2, target: 10, unit: 'talks' },
        horizon: 'short-term',
        targetDate: '2026-06-30',
        milestones: [],
        now,
      },
      goalDecider.initialState(),
    );
    expect(events).toEqual([
      expect.objectContaining({
        type: 'goals.goal.set',
        data: expect.objectContaining({ ownerId: 'mentee', setAt: now }),
      }),
    ]);
    const goal = events.reduce(goalDecider.evolve, goalDecider.initialState());
    // 80 of 121 days gone (the line is at 66%), nothing recorded yet.
    expect(
      deriveGoalStatus(goal as ExistingGoal, { now: '2026-05-20T00:00:00.000Z', relationshipPaused: false }),
    ).toBe('at-risk');
    expect(
      deriveGoalStatus(goal as ExistingGoal, { now: '2026-03-20T00:00:00.000Z', relationshipPaused: false }),
    ).toBe('on-track');
  });
});
