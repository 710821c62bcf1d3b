import type { EventData, EventEnvelope } from '@tandem/events';
import { testEnvelope } from '@tandem/runtime/testing';
import { evolveGoalView } from './evolve-goal-view';

const ref = { goalId: 'g-1', relationshipId: 'r-1', programId: 'p-1' };
const at = (streamVersion: number) => ({ tenantId: 'acme', streamId: 'goal-g-1', streamVersion });
const set: EventData<'goals.goal.set'> = {
  ...ref,
  ownerId: 'mentee',
  measure: { kind: 'metric', baseline: 0, target: 10, unit: 'talks' },
  horizon: 'short-term',
  targetDate: '2030-06-30',
  setAt: '2030-01-01T00:00:00.000Z',
};
const fold = (events: EventEnvelope[]) =>
  events.reduce<ReturnType<typeof evolveGoalView> | undefined>(
    (view, e) => evolveGoalView(view, e),
    undefined,
  );

describe('goal read model evolve', () => {
  it('folds the goal, keeps each progress record and revision, and its stream version', () => {
    const view = fold([
      { ...testEnvelope('goals.goal.set', set, at(1)), version: 2 } as EventEnvelope,
      testEnvelope(
        'goals.goal.progress-recorded',
        { ...ref, recordedBy: 'mentor', recordedAt: '2030-02-01T00:00:00.000Z', progress: 40, value: 4 },
        at(2),
      ),
      testEnvelope(
        'goals.goal.revised',
        {
          ...ref,
          revisedBy: 'mentee',
          reason: 'scope-grew',
          changedFields: ['title'],
          revisedAt: '2030-02-02T00:00:00.000Z',
        },
        at(3),
      ),
    ]);
    expect(view).toMatchObject({
      status: 'open',
      progress: 40,
      value: 4,
      revisions: 1,
      version: 3,
      tenantId: 'acme',
    });
    expect(view?.progressRecords).toEqual([
      { recordedAt: '2030-02-01T00:00:00.000Z', recordedBy: 'mentor', progress: 40, value: 4 },
    ]);
    expect(view?.revisionRecords).toEqual([
      {
        revisedAt: '2030-02-02T00:00:00.000Z',
        revisedBy: 'mentee',
        reason: 'scope-grew',
        changedFields: ['title'],
      },
    ]);
  });

  it('records nothing more once the goal is finished, and refuses a stream that does not start with "set"', () => {
    const done = fold([
      { ...testEnvelope('goals.goal.set', set, at(1)), version: 2 } as EventEnvelope,
      testEnvelope('goals.goal.abandoned', { ...ref, abandonedBy: 'mentee', reason: 'moved-on' }, at(2)),
      testEnvelope('goals.goal.progress-recorded', { ...ref, recordedBy: 'mentor', progress: 90 }, at(3)),
    ]);
    expect(done).toMatchObject({ status: 'abandoned', progress: 0, progressRecords: [], version: 3 });
    expect(() =>
      evolveGoalView(
        undefined,
        testEnvelope('goals.goal.progress-recorded', { ...ref, recordedBy: 'm', progress: 1 }, at(1)),
      ),
    ).toThrow('before goals.goal.set');
  });
});
