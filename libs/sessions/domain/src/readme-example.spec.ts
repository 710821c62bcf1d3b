// The example in libs/sessions/domain/README.md, kept honest by running it.
import { sessionDecider, type SessionCommand } from './index';

describe('README example', () => {
  it('schedules a session and cancels it', () => {
    const members = ['u-kim', 'u-ana'];
    const now = '2026-03-10T10:00:00.000Z';
    const schedule: SessionCommand = {
      type: 'schedule',
      by: 'u-ana',
      asAdmin: false,
      members,
      now,
      sessionId: 's-1',
      relationship: { relationshipId: 'r-1', programId: 'p-1', status: 'active' },
      kind: 'meeting',
      format: 'video',
      startsAt: '2026-03-12T09:00:00.000Z',
      durationMinutes: 45,
    };
    const history = sessionDecider.decide(schedule, sessionDecider.initialState());
    const state = history.reduce(sessionDecider.evolve, sessionDecider.initialState());
    expect(
      sessionDecider.decide(
        { type: 'cancel', by: 'u-kim', asAdmin: false, members, now, reason: 'sick' },
        state,
      ),
    ).toEqual([
      {
        type: 'sessions.session.cancelled',
        data: {
          sessionId: 's-1',
          relationshipId: 'r-1',
          programId: 'p-1',
          cancelledBy: 'u-kim',
          reason: 'sick',
        },
      },
    ]);
  });
});
