import type { EventEnvelope } from '@tandem/events';
import { testEnvelope } from '@tandem/runtime/testing';
import { evolveSessionView } from './evolve-session-view';

const ref = { sessionId: 's-1', relationshipId: 'r-1', programId: 'p-1' };
const at = (streamVersion: number) => ({ tenantId: 'acme', streamId: 'session-s-1', streamVersion });
const scheduled = {
  ...testEnvelope(
    'sessions.session.scheduled',
    {
      ...ref,
      scheduledBy: 'mentee',
      kind: 'meeting',
      startsAt: '2030-01-01T09:00:00.000Z',
      durationMinutes: 45,
    },
    at(1),
  ),
  version: 2,
  data: {
    ...ref,
    scheduledBy: 'mentee',
    kind: 'meeting',
    format: 'video',
    startsAt: '2030-01-01T09:00:00.000Z',
    durationMinutes: 45,
  },
} as EventEnvelope;

describe('session read model evolve', () => {
  it('folds the session with its format, members and stream version', () => {
    const evolve = evolveSessionView(['mentor', 'mentee']);
    const first = evolve(undefined, scheduled);
    const moved = evolve(
      first,
      testEnvelope(
        'sessions.session.rescheduled',
        { ...ref, rescheduledBy: 'mentor', startsAt: '2030-01-02T09:00:00.000Z', durationMinutes: 30 },
        at(2),
      ),
    );
    expect(moved).toMatchObject({
      status: 'scheduled',
      format: 'video',
      sequence: 1,
      durationMinutes: 30,
      memberIds: ['mentor', 'mentee'],
      version: 2,
      tenantId: 'acme',
    });
  });

  it('keeps the members it knew when applied without them, and refuses a stream that does not start with "scheduled"', () => {
    const first = evolveSessionView(['mentor', 'mentee'])(undefined, scheduled);
    const cancelled = evolveSessionView([])(
      first,
      testEnvelope('sessions.session.cancelled', { ...ref, cancelledBy: 'mentee', reason: 'sick' }, at(2)),
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', memberIds: ['mentor', 'mentee'], sequence: 1 });
    expect(() =>
      evolveSessionView([])(
        undefined,
        testEnvelope('sessions.session.cancelled', { ...ref, cancelledBy: 'mentee', reason: 'sick' }, at(1)),
      ),
    ).toThrow('before the session was scheduled');
  });
});
