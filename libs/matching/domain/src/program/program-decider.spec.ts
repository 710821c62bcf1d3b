import type { TandemEvent } from '@tandem/events';
import { given } from '@tandem/kernel';
import { programDecider } from './program-decider';
import type { ProgramSettings } from './program-state';

const settings: ProgramSettings = {
  matchingMode: 'admin-bulk',
  mentorsPerMentee: 1,
  defaultMentorCapacity: 2,
  minimumScore: 40,
  criteriaWeights: { skills: 60, languages: 40 },
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
};
const created: TandemEvent = {
  type: 'matching.program.created',
  data: { programId: 'p-1', by: 'admin-1', programType: 'one-to-one', settings },
};
const fact = { programId: 'p-1', by: 'admin-1' };

describe('program lifecycle', () => {
  it('goes draft → enrolment-open → enrolment-closed → active → closed, one event per step', () => {
    const steps = ['open-enrolment', 'close-enrolment', 'launch-program', 'close-program'] as const;
    const history: TandemEvent[] = [created];
    const types = steps.map((step) => {
      const [event] = given(programDecider, history).when({ type: step, by: 'admin-1' }).then();
      history.push(event!);
      return event!.type;
    });
    expect(types).toEqual([
      'matching.program.enrolment-opened',
      'matching.program.enrolment-closed',
      'matching.program.launched',
      'matching.program.closed',
    ]);
    expect(given(programDecider, history).state.status).toBe('closed');
  });

  it('refuses a transition that is not allowed with a conflict naming the states', () => {
    const launch = given(programDecider, [created]).when({ type: 'launch-program', by: 'admin-1' });
    expect(launch.thenRefuses()).toMatchObject({
      code: 'transition-not-allowed',
      kind: 'conflict',
      message: expect.stringContaining('draft'),
    });
    const reopen = given(programDecider, [
      created,
      { type: 'matching.program.enrolment-opened', data: fact },
    ]).when({ type: 'open-enrolment', by: 'admin-1' });
    expect(reopen.thenRefuses()).toMatchObject({ code: 'transition-not-allowed' });
  });

  it('records only the settings that changed, and nothing when nothing changed', () => {
    const draft = given(programDecider, [created]);
    expect(
      draft.when({ type: 'update-program-settings', by: 'admin-1', changes: { minimumScore: 40 } }).then(),
    ).toEqual([]);
    expect(
      draft
        .when({
          type: 'update-program-settings',
          by: 'admin-1',
          changes: { minimumScore: 55, sessionsPerMonth: 2 },
        })
        .then(),
    ).toEqual([{ type: 'matching.program.updated', data: { ...fact, changes: { minimumScore: 55 } } }]);
  });

  it('locks matching settings once the program is active, but not its dates', () => {
    const active = given(programDecider, [
      created,
      { type: 'matching.program.enrolment-opened', data: fact },
      { type: 'matching.program.enrolment-closed', data: fact },
      { type: 'matching.program.launched', data: fact },
    ]);
    expect(
      active
        .when({ type: 'update-program-settings', by: 'admin-1', changes: { criteriaWeights: { skills: 1 } } })
        .thenRefuses(),
    ).toMatchObject({ code: 'settings-locked' });
    expect(
      active
        .when({ type: 'update-program-settings', by: 'admin-1', changes: { endsOn: '2027-01-31' } })
        .then(),
    ).toHaveLength(1);
  });

  it('refuses weights on questions the program does not ask, and a group program without a group size', () => {
    const create = (programType: 'one-to-one' | 'group', s: ProgramSettings) =>
      given(programDecider, []).when({
        type: 'create-program',
        programId: 'p-2',
        by: 'a',
        programType,
        settings: s,
      });
    expect(
      create('one-to-one', { ...settings, criteriaWeights: { 'question:track': 5 } }).thenRefuses(),
    ).toMatchObject({ code: 'unknown-question', kind: 'invalid' });
    expect(create('group', settings).thenRefuses()).toMatchObject({ code: 'group-size-required' });
    expect(create('group', { ...settings, maxGroupSize: 4 }).then()).toHaveLength(1);
  });
});
