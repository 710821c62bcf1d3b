import { givenEvents } from '../shared/decider-spec';
import { participantDecider, type ProgramFacts } from './participant-decider';

const open: ProgramFacts = { status: 'enrolment-open', programType: 'one-to-one', defaultMentorCapacity: 3 };
const enrol = (overrides: Partial<Parameters<typeof participantDecider.decide>[0] & { type: 'enrol' }> = {}) =>
  ({ type: 'enrol', participantId: 'pt-1', programId: 'p-1', userId: 'u-1', roles: ['mentor'], facets: {}, program: open, byProgramAdmin: false, ...overrides }) as const;

describe('enrolment', () => {
  it("gives a mentor the program's default capacity unless they state one", () => {
    const [event] = givenEvents(participantDecider, []).when(enrol())();
    expect(event).toMatchObject({ type: 'matching.participant.enrolled', data: { capacity: 3, roles: ['mentor'] } });
    const [mentee] = givenEvents(participantDecider, []).when(enrol({ roles: ['mentee'], capacity: 5 }))();
    expect(mentee?.data).not.toHaveProperty('capacity', 5);
  });

  it('is open to participants only while enrolment is open, to program admins until the program closes', () => {
    const closed = { ...open, status: 'enrolment-closed' as const };
    expect(givenEvents(participantDecider, []).when(enrol({ program: closed }))).toThrow(expect.objectContaining({ code: 'enrolment-not-open' }));
    expect(givenEvents(participantDecider, []).when(enrol({ program: closed, byProgramAdmin: true }))()).toHaveLength(1);
    expect(givenEvents(participantDecider, []).when(enrol({ program: { ...open, status: 'closed' }, byProgramAdmin: true }))).toThrow(
      expect.objectContaining({ code: 'enrolment-not-open' }),
    );
  });

  it('enrols someone on both sides only in a peer program, and only once', () => {
    expect(givenEvents(participantDecider, []).when(enrol({ roles: ['mentor', 'mentee'] }))).toThrow(expect.objectContaining({ code: 'one-role-only' }));
    const [peer] = givenEvents(participantDecider, []).when(enrol({ roles: ['mentee', 'mentor'], program: { ...open, programType: 'peer' } }))();
    expect(peer?.data).toMatchObject({ roles: ['mentee', 'mentor'] });
    expect(givenEvents(participantDecider, [peer!]).when(enrol())).toThrow(expect.objectContaining({ code: 'already-enrolled' }));
  });

  it('withdraws an enrolled participant once', () => {
    const [enrolled] = givenEvents(participantDecider, []).when(enrol())();
    const [withdrew] = givenEvents(participantDecider, [enrolled!]).when({ type: 'withdraw', reason: 'left-company' })();
    expect(withdrew).toMatchObject({ type: 'matching.participant.withdrew', data: { reason: 'left-company' } });
    expect(givenEvents(participantDecider, [enrolled!, withdrew!]).when({ type: 'withdraw', reason: 'other' })).toThrow(
      expect.objectContaining({ code: 'participant-withdrawn' }),
    );
  });
});
