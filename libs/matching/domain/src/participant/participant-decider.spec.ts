import { given } from '@tandem/kernel';
import { participantDecider, type ProgramFacts } from './participant-decider';

const open: ProgramFacts = { status: 'enrolment-open', programType: 'one-to-one', defaultMentorCapacity: 3 };
const enrol = (
  overrides: Partial<Parameters<typeof participantDecider.decide>[0] & { type: 'enrol' }> = {},
) =>
  ({
    type: 'enrol',
    participantId: 'pt-1',
    programId: 'p-1',
    userId: 'u-1',
    roles: ['mentor'],
    facets: {},
    program: open,
    byProgramAdmin: false,
    ...overrides,
  }) as const;

describe('enrolment', () => {
  it("gives a mentor the program's default capacity unless they state one", () => {
    const [event] = given(participantDecider, []).when(enrol()).then();
    expect(event).toMatchObject({
      type: 'matching.participant.enrolled',
      data: { capacity: 3, roles: ['mentor'] },
    });
    const [mentee] = given(participantDecider, [])
      .when(enrol({ roles: ['mentee'], capacity: 5 }))
      .then();
    expect(mentee?.data).not.toHaveProperty('capacity', 5);
  });

  it('is open to participants only while enrolment is open, to program admins until the program closes', () => {
    const closed = { ...open, status: 'enrolment-closed' as const };
    expect(
      given(participantDecider, [])
        .when(enrol({ program: closed }))
        .thenRefuses(),
    ).toMatchObject({ code: 'enrolment-not-open' });
    expect(
      given(participantDecider, [])
        .when(enrol({ program: closed, byProgramAdmin: true }))
        .then(),
    ).toHaveLength(1);
    expect(
      given(participantDecider, [])
        .when(enrol({ program: { ...open, status: 'closed' }, byProgramAdmin: true }))
        .thenRefuses(),
    ).toMatchObject({ code: 'enrolment-not-open' });
  });

  it('enrols someone on both sides only in a peer program, and only once', () => {
    expect(
      given(participantDecider, [])
        .when(enrol({ roles: ['mentor', 'mentee'] }))
        .thenRefuses(),
    ).toMatchObject({ code: 'one-role-only' });
    const [peer] = given(participantDecider, [])
      .when(enrol({ roles: ['mentee', 'mentor'], program: { ...open, programType: 'peer' } }))
      .then();
    expect(peer?.data).toMatchObject({ roles: ['mentee', 'mentor'] });
    expect(given(participantDecider, [peer!]).when(enrol()).thenRefuses()).toMatchObject({
      code: 'already-enrolled',
    });
  });

  it('withdraws an enrolled participant once', () => {
    const [enrolled] = given(participantDecider, []).when(enrol()).then();
    const [withdrew] = given(participantDecider, [enrolled!])
      .when({ type: 'withdraw', reason: 'left-company' })
      .then();
    expect(withdrew).toMatchObject({
      type: 'matching.participant.withdrew',
      data: { reason: 'left-company' },
    });
    expect(
      given(participantDecider, [enrolled!, withdrew!])
        .when({ type: 'withdraw', reason: 'other' })
        .thenRefuses(),
    ).toMatchObject({ code: 'participant-withdrawn' });
  });
});
