import type { TandemEvent } from '@tandem/events';
import { given } from '../shared/given-when-then.test-kit';
import type { SessionCommand } from './session-commands';
import { sessionDecider } from './session-decider';

const ref = { sessionId: 's-1', relationshipId: 'r-1', programId: 'p-1' };
const members = ['mentor-1', 'mentee-1'];
const now = '2026-03-10T10:00:00.000Z';
const asMentee = { by: 'mentee-1', asAdmin: false, members, now };
const active = { relationshipId: 'r-1', programId: 'p-1', status: 'active' as const };

const scheduled: TandemEvent = {
  type: 'sessions.session.scheduled',
  data: {
    ...ref,
    scheduledBy: 'mentee-1',
    kind: 'meeting',
    format: 'video',
    startsAt: '2026-03-10T09:00:00.000Z',
    durationMinutes: 45,
  },
};
const held: TandemEvent = {
  type: 'sessions.session.held',
  data: { ...ref, kind: 'meeting', heldAt: now, durationMinutes: 40, attendeeIds: members },
};
const assigned: TandemEvent = {
  type: 'sessions.action-item.assigned',
  data: { ...ref, actionItemId: 'a-1', assigneeId: 'mentee-1' },
};
const schedule = (
  overrides: Partial<Extract<SessionCommand, { type: 'schedule' }>> = {},
): SessionCommand => ({
  type: 'schedule',
  ...asMentee,
  sessionId: 's-1',
  relationship: active,
  kind: 'meeting',
  format: 'video',
  startsAt: '2026-03-10T09:00:00.000Z',
  durationMinutes: 45,
  ...overrides,
});

describe('session decider', () => {
  describe('schedule', () => {
    it('schedules a session of an active relationship for a member', () => {
      given(sessionDecider).when(schedule()).then([scheduled]);
    });
    it('refuses a relationship that is not active, with a conflict', () => {
      for (const status of ['ended', 'paused', 'unknown', 'proposed'] as const) {
        given(sessionDecider)
          .when(schedule({ relationship: { ...active, status } }))
          .thenRefused('relationship-not-active', 'conflict');
      }
    });
    it('refuses somebody who is neither a member nor an admin, and lets an admin schedule', () => {
      given(sessionDecider)
        .when(schedule({ by: 'stranger' }))
        .thenRefused('not-a-member', 'forbidden');
      given(sessionDecider)
        .when(schedule({ by: 'admin-1', asAdmin: true }))
        .then([{ ...scheduled, data: { ...scheduled.data, scheduledBy: 'admin-1' } } as TandemEvent]);
    });
    it('refuses a start more than a year ahead or a month back, and an existing id', () => {
      given(sessionDecider)
        .when(schedule({ startsAt: '2027-04-01T09:00:00.000Z' }))
        .thenRefused('start-out-of-range', 'invalid');
      given(sessionDecider)
        .when(schedule({ startsAt: '2026-01-01T09:00:00.000Z' }))
        .thenRefused('start-out-of-range', 'invalid');
      given(sessionDecider, [scheduled]).when(schedule()).thenRefused('session-exists');
    });
  });

  it('reschedules and cancels a scheduled session, bumping the calendar sequence each time', () => {
    const rescheduled: TandemEvent = {
      type: 'sessions.session.rescheduled',
      data: { ...ref, rescheduledBy: 'mentor-1', startsAt: '2026-03-12T09:00:00.000Z', durationMinutes: 30 },
    };
    given(sessionDecider, [scheduled])
      .when({
        type: 'reschedule',
        ...asMentee,
        by: 'mentor-1',
        startsAt: '2026-03-12T09:00:00.000Z',
        durationMinutes: 30,
      })
      .then([rescheduled]);
    const cancelled: TandemEvent = {
      type: 'sessions.session.cancelled',
      data: { ...ref, cancelledBy: 'mentee-1', reason: 'sick' },
    };
    given(sessionDecider, [scheduled, rescheduled])
      .when({ type: 'cancel', ...asMentee, reason: 'sick' })
      .then([cancelled]);
    const state = given(sessionDecider, [scheduled, rescheduled, cancelled]).state;
    expect(state).toMatchObject({ status: 'cancelled', sequence: 2, startsAt: '2026-03-12T09:00:00.000Z' });
    given(sessionDecider, [scheduled, cancelled])
      .when({ type: 'cancel', ...asMentee, reason: 'sick' })
      .thenRefused('transition-not-allowed');
    given(sessionDecider)
      .when({ type: 'cancel', ...asMentee, reason: 'sick' })
      .thenRefused('session-not-found', 'not-found');
  });

  it('marks a started session held with attendance per member, or a no-show naming who was absent', () => {
    given(sessionDecider, [scheduled])
      .when({
        type: 'mark-held',
        ...asMentee,
        attendeeIds: [...members, 'mentee-1'],
        actualDurationMinutes: 40,
      })
      .then([held]);
    given(sessionDecider, [scheduled])
      .when({ type: 'mark-no-show', ...asMentee, absentIds: ['mentor-1'] })
      .then([
        {
          type: 'sessions.session.no-show',
          data: { ...ref, absentParticipantIds: ['mentor-1'], recordedBy: 'mentee-1' },
        },
      ]);
    given(sessionDecider, [scheduled])
      .when({ type: 'mark-held', ...asMentee, attendeeIds: ['stranger'], actualDurationMinutes: 40 })
      .thenRefused('not-members', 'invalid');
    given(sessionDecider, [scheduled])
      .when({
        type: 'mark-held',
        ...asMentee,
        now: '2026-03-10T08:00:00.000Z',
        attendeeIds: members,
        actualDurationMinutes: 40,
      })
      .thenRefused('session-not-started');
    given(sessionDecider, [scheduled, held])
      .when({ type: 'mark-no-show', ...asMentee, absentIds: ['mentor-1'] })
      .thenRefused('transition-not-allowed');
  });

  it('takes one feedback per participant after a held session', () => {
    const feedback: TandemEvent = {
      type: 'sessions.session.feedback-submitted',
      data: { ...ref, participantId: 'mentee-1', rating: 5, helpful: true },
    };
    const submit: SessionCommand = {
      type: 'submit-feedback',
      ...asMentee,
      rating: 5,
      helpful: true,
      menteeIds: ['mentee-1'],
    };
    given(sessionDecider, [scheduled]).when(submit).thenRefused('session-not-held');
    given(sessionDecider, [scheduled, held]).when(submit).then([feedback]);
    given(sessionDecider, [scheduled, held, feedback])
      .when(submit)
      .thenRefused('feedback-already-submitted', 'conflict');
    given(sessionDecider, [scheduled, held, feedback])
      .when({ ...submit, by: 'mentor-1' })
      .then([{ ...feedback, data: { ...feedback.data, participantId: 'mentor-1' } } as TandemEvent]);
    given(sessionDecider, [scheduled, held])
      .when({ ...submit, by: 'admin-1', asAdmin: true })
      .thenRefused('not-a-participant', 'forbidden');
  });

  it('takes a rating of the mentor from mentees only', () => {
    const submit: SessionCommand = {
      type: 'submit-feedback',
      ...asMentee,
      rating: 4,
      helpful: true,
      mentorRating: 5,
      menteeIds: ['mentee-1'],
    };
    given(sessionDecider, [scheduled, held])
      .when(submit)
      .then([
        {
          type: 'sessions.session.feedback-submitted',
          data: { ...ref, participantId: 'mentee-1', rating: 4, helpful: true, mentorRating: 5 },
        },
      ]);
    given(sessionDecider, [scheduled, held])
      .when({ ...submit, by: 'mentor-1' })
      .thenRefused('mentor-rating-by-mentee', 'invalid');
  });

  it('assigns action items to members and completes each once', () => {
    given(sessionDecider, [scheduled])
      .when({ type: 'assign-action-item', ...asMentee, actionItemId: 'a-1', assigneeId: 'mentee-1' })
      .then([assigned]);
    given(sessionDecider, [scheduled])
      .when({ type: 'assign-action-item', ...asMentee, actionItemId: 'a-1', assigneeId: 'stranger' })
      .thenRefused('not-members', 'invalid');
    given(sessionDecider, [scheduled, assigned])
      .when({ type: 'assign-action-item', ...asMentee, actionItemId: 'a-1', assigneeId: 'mentee-1' })
      .thenRefused('action-item-exists');
    const completed: TandemEvent = {
      type: 'sessions.action-item.completed',
      data: { ...ref, actionItemId: 'a-1', completedBy: 'mentee-1', completedAt: now },
    };
    given(sessionDecider, [scheduled, assigned])
      .when({ type: 'complete-action-item', ...asMentee, actionItemId: 'a-1' })
      .then([completed]);
    given(sessionDecider, [scheduled, assigned, completed])
      .when({ type: 'complete-action-item', ...asMentee, actionItemId: 'a-1' })
      .thenRefused('action-item-completed');
    given(sessionDecider, [scheduled])
      .when({ type: 'complete-action-item', ...asMentee, actionItemId: 'a-9' })
      .thenRefused('action-item-not-found', 'not-found');
    expect(given(sessionDecider, [scheduled, assigned, completed]).state).toMatchObject({
      actionItems: [{ actionItemId: 'a-1', completedAt: now }],
    });
  });
});
