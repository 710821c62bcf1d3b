import type { TandemEvent } from '@tandem/events';
import { given } from '@tandem/kernel';
import { mentorDecider, remainingCapacity, type MentorCommand } from './mentor-load';

const set = (overrides: Partial<MentorCommand> = {}): MentorCommand => ({
  type: 'set-overall-capacity',
  userId: 'mentor-1',
  overallCapacity: 3,
  by: 'mentor-1',
  asAdmin: false,
  ...overrides,
});
const capped = (overallCapacity: number): TandemEvent => ({
  type: 'matching.mentor.overall-capacity-set',
  data: { userId: 'mentor-1', by: 'mentor-1', overallCapacity },
});

describe('a mentor’s overall capacity', () => {
  it('is set by the person or an admin, nobody else', () => {
    expect(given(mentorDecider, []).when(set()).then()).toEqual([capped(3)]);
    expect(
      given(mentorDecider, [])
        .when(set({ by: 'admin-1', asAdmin: true }))
        .then(),
    ).toEqual([{ ...capped(3), data: { userId: 'mentor-1', by: 'admin-1', overallCapacity: 3 } }]);
    expect(
      given(mentorDecider, [])
        .when(set({ by: 'someone-else' }))
        .thenRefuses(),
    ).toMatchObject({
      code: 'not-your-capacity',
      kind: 'forbidden',
    });
  });

  it('is one value per person: changed, removed, and unchanged records nothing', () => {
    expect(
      given(mentorDecider, [capped(3)])
        .when(set())
        .then(),
    ).toEqual([]);
    expect(
      given(mentorDecider, [capped(3)])
        .when(set({ overallCapacity: 5 }))
        .then(),
    ).toEqual([capped(5)]);
    const removed = given(mentorDecider, [capped(3)])
      .when(set({ overallCapacity: undefined }))
      .then();
    expect(removed).toEqual([
      { type: 'matching.mentor.overall-capacity-set', data: { userId: 'mentor-1', by: 'mentor-1' } },
    ]);
    expect(given(mentorDecider, [capped(3), removed[0]!]).state).toEqual({
      status: 'known',
      userId: 'mentor-1',
    });
  });

  it('is not overwritten by an enrolment that names another value', () => {
    expect(
      given(mentorDecider, [capped(3)])
        .when(set({ overallCapacity: 9, onlyIfUnset: true }))
        .then(),
    ).toEqual([]);
    expect(
      given(mentorDecider, [])
        .when(set({ overallCapacity: 9, onlyIfUnset: true }))
        .then(),
    ).toEqual([capped(9)]);
  });
});

describe('room left for a mentor in a program', () => {
  it('is the smaller of the program’s room and the room across programs', () => {
    expect(remainingCapacity({ programCapacity: 3, programLoad: 1, overallLoad: 7 })).toBe(2);
    expect(
      remainingCapacity({ programCapacity: 3, programLoad: 1, overallCapacity: 4, overallLoad: 3 }),
    ).toBe(1);
    expect(
      remainingCapacity({ programCapacity: 3, programLoad: 0, overallCapacity: 2, overallLoad: 5 }),
    ).toBe(0);
  });
});
