import { given } from '@tandem/kernel';
import { participantDecider, type ProgramFacts } from './participant-decider';

const groupProgram: ProgramFacts = {
  status: 'enrolment-open',
  programType: 'group',
  defaultMentorCapacity: 4,
  maxGroupSize: 4,
};
const enrolMentor = (capacity?: number, program: ProgramFacts = groupProgram) =>
  ({
    type: 'enrol',
    participantId: 'pt-1',
    programId: 'p-1',
    userId: 'u-1',
    roles: ['mentor'],
    ...(capacity === undefined ? {} : { capacity }),
    facets: {},
    program,
    byProgramAdmin: true,
  }) as const;

describe('a mentor capacity in a group program', () => {
  it('is the group size by default, and may be smaller', () => {
    expect(given(participantDecider, []).when(enrolMentor()).then()[0]?.data).toMatchObject({ capacity: 4 });
    expect(given(participantDecider, []).when(enrolMentor(2)).then()[0]?.data).toMatchObject({ capacity: 2 });
  });

  it('above maxGroupSize is refused as invalid, naming both numbers', () => {
    const refused = given(participantDecider, []).when(enrolMentor(5)).thenRefuses();
    expect(refused).toMatchObject({ code: 'capacity-above-group-size', kind: 'invalid' });
    expect(refused.message).toContain('(5)');
    expect(refused.message).toContain('maxGroupSize (4)');
  });

  it('is not limited by a group size outside group programs', () => {
    const oneToOne = { ...groupProgram, programType: 'one-to-one' as const };
    expect(given(participantDecider, []).when(enrolMentor(9, oneToOne)).then()).toHaveLength(1);
  });
});
