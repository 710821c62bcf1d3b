import type { EventEnvelope } from '@tandem/events';
import { goalDecider, type GoalEvent, type GoalState } from '@tandem/goals-domain';
import type { GoalView } from '../../infrastructure/views';

const isGoalEvent = (event: EventEnvelope): boolean => event.type.startsWith('goals.goal.');

/**
 * Pure: the goal read model after one event of its stream. The goal itself is the decider's fold;
 * the view adds the stream version (the ETag) and keeps each progress record and revision, which
 * the free text written for them is joined to when read.
 */
export function evolveGoalView(view: GoalView | undefined, event: EventEnvelope): GoalView {
  if (!isGoalEvent(event)) {
    if (view) return view;
    throw new Error(`goal view: ${event.type} cannot start a goal`);
  }
  const goalEvent = event as unknown as GoalEvent;
  const before: GoalState = view ?? goalDecider.initialState();
  const goal = goalDecider.evolve(before, goalEvent);
  if (goal.status === 'none') throw new Error(`goal view: ${event.type} before goals.goal.set`);
  // Like the goal, the records change only while it is open.
  const open = before.status === 'open';
  return {
    ...goal,
    tenantId: event.metadata.tenantId,
    version: event.metadata.streamVersion,
    progressRecords: [
      ...(view?.progressRecords ?? []),
      ...(open && goalEvent.type === 'goals.goal.progress-recorded'
        ? [
            {
              // Events before version 2 carry no instant: the append's time stands in.
              recordedAt: goalEvent.data.recordedAt ?? event.metadata.time,
              recordedBy: goalEvent.data.recordedBy,
              progress: goalEvent.data.progress,
              ...(goalEvent.data.value === undefined ? {} : { value: goalEvent.data.value }),
            },
          ]
        : []),
    ],
    revisionRecords: [
      ...(view?.revisionRecords ?? []),
      ...(open && goalEvent.type === 'goals.goal.revised'
        ? [
            {
              revisedAt: goalEvent.data.revisedAt ?? event.metadata.time,
              revisedBy: goalEvent.data.revisedBy,
              reason: goalEvent.data.reason,
              changedFields: goalEvent.data.changedFields,
            },
          ]
        : []),
    ],
  };
}
