import { given } from '@tandem/kernel';
import type { SessionCommand } from './session-commands';
import { sessionDecider, type SessionEvent } from './session-decider';

const ref = { sessionId: 's-1', relationshipId: 'r-1', programId: 'p-1' };
const members = ['mentor-1', 'mentee-1'];
const now = '2026-03-10T10:00:00.000Z';
const asMentee = { by: 'mentee-1', asAdmin: false, members, now };
const active = { relationshipId: 'r-1', programId: 'p-1', status: 'active' as const };

const scheduled: SessionEvent = {
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
const held: SessionEvent = {
  type: 'sessions.session.held',
  data: { ...ref, kind: 'meeting', heldAt: now, durationMinutes: 40, attendeeIds: members },
};
const assigned: SessionEvent = {
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
      expect(given(sessionDecider).when(schedule()).then()).toEqual([scheduled]);
    });
    it('refuses a relationship that is not active, with a conflict', () => {
      for (const status of ['ended', 'paused', 'unknown', 'proposed'] as const) {
        expect(
          given(sessionDecider)
            .when(schedule({ relationship: { ...active, status } }))
            .thenRefuses(),
        ).toMatchObject({ code: 'relationship-not-active', kind: 'conflict' });
      }
    });
    it('refuses somebody who is neither a member nor an admin, and lets an admin schedule', () => {
      expect(
        given(sessionDecider)
          .when(schedule({ by: 'stranger' }))
          .thenRefuses(),
      ).toMatchObject({ code: 'not-a-member', kind: 'forbidden' });
      expect(
        given(sessionDecider)
          .when(schedule({ by: 'admin-1', asAdmin: true }))
          .then(),
      ).toEqual([{ ...scheduled, data: { ...scheduled.data, scheduledBy: 'admin-1' } } as SessionEvent]);
    });
    it('refuses a start more than a year ahead or a month back, and an existing id', () => {
      expect(
        given(sessionDecider)
          .when(schedule({ startsAt: '2027-04-01T09:00:00.000Z' }))
          .thenRefuses(),
      ).toMatchObject({ code: 'start-out-of-range', kind: 'invalid' });
      expect(
        given(sessionDecider)
          .when(schedule({ startsAt: '2026-01-01T09:00:00.000Z' }))
          .thenRefuses(),
      ).toMatchObject({ code: 'start-out-of-range', kind: 'invalid' });
      expect(given(sessionDecider, [scheduled]).when(schedule()).thenRefuses()).toMatchObject({
        code: 'session-exists',
      });
    });
  });

  it('reschedules and cancels a scheduled session, bumping the calendar sequence each time', () => {
    const rescheduled: SessionEvent = {
      type: 'sessions.session.rescheduled',
      data: { ...ref, rescheduledBy: 'mentor-1', startsAt: '2026-03-12T09:00:00.000Z', durationMinutes: 30 },
    };
    expect(
      given(sessionDecider, [scheduled])
        .when({
          type: 'reschedule',
          ...asMentee,
          by: 'mentor-1',
          startsAt: '2026-03-12T09:00:00.000Z',
          durationMinutes: 30,
        })
        .then(),
    ).toEqual([rescheduled]);
    const cancelled: SessionEvent = {
      type: 'sessions.session.cancelled',
      data: { ...ref, cancelledBy: 'mentee-1', reason: 'sick' },
    };
    expect(
      given(sessionDecider, [scheduled, rescheduled])
        .when({ type: 'cancel', ...asMentee, reason: 'sick' })
        .then(),
    ).toEqual([cancelled]);
    const state = given(sessionDecider, [scheduled, rescheduled, cancelled]).state;
    expect(state).toMatchObject({ status: 'cancelled', sequence: 2, startsAt: '2026-03-12T09:00:00.000Z' });
    expect(
      given(sessionDecider, [scheduled, cancelled])
        .when({ type: 'cancel', ...asMentee, reason: 'sick' })
        .thenRefuses(),
    ).toMatchObject({ code: 'transition-not-allowed' });
    expect(
      given(sessionDecider)
        .when({ type: 'cancel', ...asMentee, reason: 'sick' })
        .thenRefuses(),
    ).toMatchObject({ code: 'session-not-found', kind: 'not-found' });
  });

  it('marks a started session held with attendance per member, or a no-show naming who was absent', () => {
    expect(
      given(sessionDecider, [scheduled])
        .when({
          type: 'mark-held',
          ...asMentee,
          attendeeIds: [...members, 'mentee-1'],
          actualDurationMinutes: 40,
        })
        .then(),
    ).toEqual([held]);
    expect(
      given(sessionDecider, [scheduled])
        .when({ type: 'mark-no-show', ...asMentee, absentIds: ['mentor-1'] })
        .then(),
    ).toEqual([
      {
        type: 'sessions.session.no-show',
        data: { ...ref, absentParticipantIds: ['mentor-1'], recordedBy: 'mentee-1' },
      },
    ]);
    expect(
      given(sessionDecider, [scheduled])
        .when({ type: 'mark-held', ...asMentee, attendeeIds: ['stranger'], actualDurationMinutes: 40 })
        .thenRefuses(),
    ).toMatchObject({ code: 'not-members', kind: 'invalid' });
    expect(
      given(sessionDecider, [scheduled])
        .when({
          type: 'mark-held',
          ...asMentee,
          now: '2026-03-10T08:00:00.000Z',
          attendeeIds: members,
          actualDurationMinutes: 40,
        })
        .thenRefuses(),
    ).toMatchObject({ code: 'session-not-started' });
    expect(
      given(sessionDecider, [scheduled, held])
        .when({ type: 'mark-no-show', ...asMentee, absentIds: ['mentor-1'] })
        .thenRefuses(),
    ).toMatchObject({ code: 'transition-not-allowed' });
  });

  it('takes one feedback per participant after a held session', () => {
    const feedback: SessionEvent = {
      type: 'sessions.session.feedback-submitted',
      data: { ...ref, participantId: 'mentee-1', rating: 5, helpful: true },
    };
    const submit: SessionCommand = {
      type: 'submit-feedback',
      ...asMentee,
      rating: 5,
      helpful: true,
      menteeIds: ['mentee-1'],
      mentorIds: ['mentor-1'],
    };
    expect(given(sessionDecider, [scheduled]).when(submit).thenRefuses()).toMatchObject({
      code: 'session-not-held',
    });
    expect(given(sessionDecider, [scheduled, held]).when(submit).then()).toEqual([feedback]);
    expect(given(sessionDecider, [scheduled, held, feedback]).when(submit).thenRefuses()).toMatchObject({
      code: 'feedback-already-submitted',
      kind: 'conflict',
    });
    expect(
      given(sessionDecider, [scheduled, held, feedback])
        .when({ ...submit, by: 'mentor-1' })
        .then(),
    ).toEqual([{ ...feedback, data: { ...feedback.data, participantId: 'mentor-1' } } as SessionEvent]);
    expect(
      given(sessionDecider, [scheduled, held])
        .when({ ...submit, by: 'admin-1', asAdmin: true })
        .thenRefuses(),
    ).toMatchObject({ code: 'not-a-participant', kind: 'forbidden' });
  });

  it('takes a rating of the mentor from mentees only', () => {
    const submit: SessionCommand = {
      type: 'submit-feedback',
      ...asMentee,
      rating: 4,
      helpful: true,
      mentorRating: 5,
      menteeIds: ['mentee-1'],
      mentorIds: ['mentor-1'],
    };
    expect(given(sessionDecider, [scheduled, held]).when(submit).then()).toEqual([
      {
        type: 'sessions.session.feedback-submitted',
        data: { ...ref, participantId: 'mentee-1', rating: 4, helpful: true, mentorRating: 5 },
      },
    ]);
    expect(
      given(sessionDecider, [scheduled, held])
        .when({ ...submit, by: 'mentor-1' })
        .thenRefuses(),
    ).toMatchObject({ code: 'mentor-rating-by-mentee', kind: 'invalid' });
  });

  it('takes ratings of mentees from mentors only, each of a mentee once', () => {
    const asMentor = { ...asMentee, by: 'mentor-1' };
    const submit: SessionCommand = {
      type: 'submit-feedback',
      ...asMentor,
      rating: 4,
      helpful: true,
      menteeRatings: [{ menteeId: 'mentee-1', rating: 3 }],
      menteeIds: ['mentee-1'],
      mentorIds: ['mentor-1'],
    };
    expect(given(sessionDecider, [scheduled, held]).when(submit).then()).toEqual([
      {
        type: 'sessions.session.feedback-submitted',
        data: {
          ...ref,
          participantId: 'mentor-1',
          rating: 4,
          helpful: true,
          menteeRatings: [{ menteeId: 'mentee-1', rating: 3 }],
        },
      },
    ]);
    expect(
      given(sessionDecider, [scheduled, held])
        .when({ ...submit, by: 'mentee-1' })
        .thenRefuses(),
    ).toMatchObject({ code: 'mentee-rating-by-mentor', kind: 'invalid' });
    const rateTwice = [
      { menteeId: 'mentee-1', rating: 3 },
      { menteeId: 'mentee-1', rating: 5 },
    ];
    for (const menteeRatings of [[{ menteeId: 'mentor-1', rating: 3 }], rateTwice]) {
      expect(
        given(sessionDecider, [scheduled, held])
          .when({ ...submit, menteeRatings })
          .thenRefuses(),
      ).toMatchObject({ code: 'not-mentees', kind: 'invalid' });
    }
  });

  it('assigns action items to members and completes each once', () => {
    expect(
      given(sessionDecider, [scheduled])
        .when({ type: 'assign-action-item', ...asMentee, actionItemId: 'a-1', assigneeId: 'mentee-1' })
        .then(),
    ).toEqual([assigned]);
    expect(
      given(sessionDecider, [scheduled])
        .when({ type: 'assign-action-item', ...asMentee, actionItemId: 'a-1', assigneeId: 'stranger' })
        .thenRefuses(),
    ).toMatchObject({ code: 'not-members', kind: 'invalid' });
    expect(
      given(sessionDecider, [scheduled, assigned])
        .when({ type: 'assign-action-item', ...asMentee, actionItemId: 'a-1', assigneeId: 'mentee-1' })
        .thenRefuses(),
    ).toMatchObject({ code: 'action-item-exists' });
    const completed: SessionEvent = {
      type: 'sessions.action-item.completed',
      data: { ...ref, actionItemId: 'a-1', completedBy: 'mentee-1', completedAt: now },
    };
    expect(
      given(sessionDecider, [scheduled, assigned])
        .when({ type: 'complete-action-item', ...asMentee, actionItemId: 'a-1' })
        .then(),
    ).toEqual([completed]);
    expect(
      given(sessionDecider, [scheduled, assigned, completed])
        .when({ type: 'complete-action-item', ...asMentee, actionItemId: 'a-1' })
        .thenRefuses(),
    ).toMatchObject({ code: 'action-item-completed' });
    expect(
      given(sessionDecider, [scheduled])
        .when({ type: 'complete-action-item', ...asMentee, actionItemId: 'a-9' })
        .thenRefuses(),
    ).toMatchObject({ code: 'action-item-not-found', kind: 'not-found' });
    expect(given(sessionDecider, [scheduled, assigned, completed]).state).toMatchObject({
      actionItems: [{ actionItemId: 'a-1', completedAt: now }],
    });
  });
});
