import type { TandemEvent } from '@tandem/events';
import { given } from '@tandem/kernel';
import { programDecider } from './program-decider';
import type { ProgramSettings } from './program-state';

const settings: ProgramSettings = {
  matchingMode: 'admin-bulk',
  mentorsPerMentee: 1,
  defaultMentorCapacity: 2,
  minimumScore: 40,
  criteriaWeights: { skills: 60 },
  sessionsPerMonth: 2,
  hardRules: {
    excludeSameDepartment: false,
    excludeOwnManager: true,
    excludePreviousPairs: true,
    requireCommonLanguage: true,
  },
  questions: [],
  acceptance: 'both-parties',
  proposalTtlDays: 14,
  adminIds: ['admin-1'],
  enrolmentOpensOn: '2027-01-10',
  enrolmentClosesOn: '2027-01-31',
  endsOn: '2027-06-30',
};
const fact = { programId: 'p-1', by: 'admin-1' };
const created: TandemEvent = {
  type: 'matching.program.created',
  data: { ...fact, programType: 'one-to-one', settings },
};
const opened: TandemEvent = { type: 'matching.program.enrolment-opened', data: fact };
const closedEnrolment: TandemEvent = { type: 'matching.program.enrolment-closed', data: fact };
const launched: TandemEvent = { type: 'matching.program.launched', data: fact };
const on = (history: TandemEvent[], today: string) =>
  given(programDecider, history).when({ type: 'follow-dates', by: 'system', today }).then();
const types = (events: readonly { type: string }[]) => events.map((e) => e.type);

describe('program dates', () => {
  it('opens enrolment on its opening day, not before, and only from a draft', () => {
    expect(on([created], '2027-01-09')).toEqual([]);
    expect(on([created], '2027-01-10')).toEqual([
      { type: 'matching.program.enrolment-opened', data: { programId: 'p-1', by: 'system' } },
    ]);
    expect(on([created, opened], '2027-01-15')).toEqual([]);
  });

  it('closes enrolment the day after its closing day, and never opens a window already over', () => {
    expect(on([created, opened], '2027-01-31')).toEqual([]);
    expect(types(on([created, opened], '2027-02-01'))).toEqual(['matching.program.enrolment-closed']);
    expect(on([created], '2027-02-01')).toEqual([]);
  });

  it('closes the program the day after its end date, whatever its status, once', () => {
    expect(on([created, opened, closedEnrolment, launched], '2027-06-30')).toEqual([]);
    const past = on([created, opened, closedEnrolment, launched], '2027-07-01');
    expect(past).toEqual([{ type: 'matching.program.closed', data: { programId: 'p-1', by: 'system' } }]);
    expect(types(on([created], '2027-07-01'))).toEqual(['matching.program.closed']);
    expect(on([created, opened, closedEnrolment, launched, past[0]!], '2027-08-01')).toEqual([]);
  });

  it('does nothing for a program without dates', () => {
    const { enrolmentOpensOn: _o, enrolmentClosesOn: _c, endsOn: _e, ...undated } = settings;
    const plain: TandemEvent = {
      type: 'matching.program.created',
      data: { ...fact, programType: 'one-to-one', settings: undated },
    };
    expect(on([plain], '2099-01-01')).toEqual([]);
  });

  it('refuses an enrolment window that closes before it opens', () => {
    const refusal = given(programDecider, [created])
      .when({
        type: 'update-program-settings',
        by: 'admin-1',
        changes: { enrolmentClosesOn: '2027-01-01' },
      })
      .thenRefuses();
    expect(refusal).toMatchObject({ code: 'invalid-dates', kind: 'invalid' });
  });
});
