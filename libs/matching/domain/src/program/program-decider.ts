import type { TandemEvent } from '@tandem/events';
import { DomainError, type Decider } from '@tandem/kernel';
import type { ProgramCommand } from './program-commands';
import type { ExistingProgram, ProgramSettings, ProgramState, ProgramStatus } from './program-state';

type ProgramEvent = Extract<TandemEvent, { type: `matching.program.${string}` }>;

/** Lifecycle: draft → enrolment-open → enrolment-closed → active → closed. */
const transitions = {
  'open-enrolment': { from: ['draft'], to: 'enrolment-open', event: 'matching.program.enrolment-opened' },
  'close-enrolment': {
    from: ['enrolment-open'],
    to: 'enrolment-closed',
    event: 'matching.program.enrolment-closed',
  },
  'launch-program': { from: ['enrolment-closed'], to: 'active', event: 'matching.program.launched' },
  'close-program': { from: ['active'], to: 'closed', event: 'matching.program.closed' },
} as const satisfies Record<
  string,
  { from: readonly ProgramStatus[]; to: ProgramStatus; event: ProgramEvent['type'] }
>;

/** Settings may change until the program closes; matching settings only until it is active. */
const matchingSettingKeys: readonly (keyof ProgramSettings)[] = [
  'criteriaWeights',
  'hardRules',
  'questions',
  'minimumScore',
  'mentorsPerMentee',
  'matchingMode',
];

export const programDecider: Decider<ProgramCommand, TandemEvent, ProgramState> = {
  initialState: (): ProgramState => ({ status: 'none' }),

  evolve(state: ProgramState, event: TandemEvent): ProgramState {
    switch (event.type) {
      case 'matching.program.created':
        return {
          status: 'draft',
          programId: event.data.programId,
          programType: event.data.programType,
          settings: event.data.settings,
        };
      case 'matching.program.updated':
        return state.status === 'none'
          ? state
          : { ...state, settings: { ...state.settings, ...event.data.changes } };
      case 'matching.program.enrolment-opened':
        return withStatus(state, 'enrolment-open');
      case 'matching.program.enrolment-closed':
        return withStatus(state, 'enrolment-closed');
      case 'matching.program.launched':
        return withStatus(state, 'active');
      case 'matching.program.closed':
        return withStatus(state, 'closed');
      default:
        return state;
    }
  },

  decide(command: ProgramCommand, state: ProgramState): ProgramEvent[] {
    if (command.type === 'create-program') {
      if (state.status !== 'none')
        throw new DomainError('program-exists', `Program ${command.programId} already exists`);
      checkSettings(command.settings, command.programType);
      return [
        {
          type: 'matching.program.created',
          data: {
            programId: command.programId,
            by: command.by,
            programType: command.programType,
            settings: command.settings,
          },
        },
      ];
    }
    const program = existing(state);
    switch (command.type) {
      case 'update-program-settings':
        return decideUpdate(program, command.by, command.changes);
      case 'follow-dates':
        return decideByDates(program, command.by, command.today);
      case 'open-enrolment':
      case 'close-enrolment':
      case 'launch-program':
      case 'close-program': {
        const rule = transitions[command.type];
        if (!(rule.from as readonly ProgramStatus[]).includes(program.status)) {
          throw new DomainError(
            'transition-not-allowed',
            `A program that is ${program.status} cannot ${command.type.replace('-program', '').replace('-', ' ')} (allowed from: ${rule.from.join(', ')})`,
          );
        }
        return [{ type: rule.event, data: { programId: program.programId, by: command.by } }];
      }
      default: {
        const exhaustive: never = command;
        return exhaustive;
      }
    }
  },
};

function decideUpdate(
  program: ExistingProgram,
  by: string,
  changes: Partial<ProgramSettings>,
): ProgramEvent[] {
  if (program.status === 'closed')
    throw new DomainError('program-closed', 'A closed program cannot be changed');
  const lockedKeys = Object.keys(changes).filter((key) =>
    matchingSettingKeys.includes(key as keyof ProgramSettings),
  );
  if (program.status === 'active' && lockedKeys.length > 0) {
    throw new DomainError(
      'settings-locked',
      `Matching settings cannot change once the program is active: ${lockedKeys.join(', ')}`,
    );
  }
  const effective = Object.fromEntries(
    Object.entries(changes).filter(
      ([key, value]) => !sameValue(program.settings[key as keyof ProgramSettings], value),
    ),
  );
  if (Object.keys(effective).length === 0) return [];
  checkSettings({ ...program.settings, ...effective }, program.programType);
  return [
    { type: 'matching.program.updated', data: { programId: program.programId, by, changes: effective } },
  ];
}

/**
 * What the dates call for on `today`; every date is a whole day (UTC) and counts as included:
 * enrolment opens on `enrolmentOpensOn` (a draft only, and only while its window is still open)
 * and closes the day after `enrolmentClosesOn`; the day after `endsOn` the program closes,
 * whatever its status, as `close-program` would.
 */
function decideByDates(program: ExistingProgram, by: string, today: string): ProgramEvent[] {
  const { enrolmentOpensOn, enrolmentClosesOn, endsOn } = program.settings;
  const data = { programId: program.programId, by };
  if (program.status === 'closed') return [];
  if (endsOn && today > endsOn) return [{ type: 'matching.program.closed', data }];
  const windowOver = enrolmentClosesOn !== undefined && today > enrolmentClosesOn;
  if (program.status === 'draft' && enrolmentOpensOn && today >= enrolmentOpensOn && !windowOver)
    return [{ type: 'matching.program.enrolment-opened', data }];
  if (program.status === 'enrolment-open' && windowOver)
    return [{ type: 'matching.program.enrolment-closed', data }];
  return [];
}

/** Rules that span several settings (single fields are validated by the API schema and the event schema). */
export function checkSettings(settings: ProgramSettings, programType: ExistingProgram['programType']): void {
  if (settings.startsOn && settings.endsOn && settings.endsOn < settings.startsOn) {
    throw new DomainError('invalid-dates', 'settings.endsOn must not be before settings.startsOn', 'invalid');
  }
  const { enrolmentOpensOn, enrolmentClosesOn } = settings;
  if (enrolmentOpensOn && enrolmentClosesOn && enrolmentClosesOn < enrolmentOpensOn) {
    throw new DomainError(
      'invalid-dates',
      'settings.enrolmentClosesOn must not be before settings.enrolmentOpensOn',
      'invalid',
    );
  }
  if (programType === 'group' && settings.maxGroupSize === undefined) {
    throw new DomainError(
      'group-size-required',
      'settings.maxGroupSize is required for a group program',
      'invalid',
    );
  }
  if (programType === 'group' && settings.mentorsPerMentee !== 1) {
    throw new DomainError(
      'group-one-mentor',
      'settings.mentorsPerMentee must be 1 in a group program (one mentor per group)',
      'invalid',
    );
  }
  const questionIds = new Set(settings.questions.map((q) => q.id));
  const unknown = Object.keys(settings.criteriaWeights).filter(
    (c) => c.startsWith('question:') && !questionIds.has(c.slice(9)),
  );
  if (unknown.length > 0) {
    throw new DomainError(
      'unknown-question',
      `settings.criteriaWeights names questions that do not exist: ${unknown.join(', ')}`,
      'invalid',
    );
  }
}

function existing(state: ProgramState): ExistingProgram {
  if (state.status === 'none') throw new DomainError('program-not-found', 'Program not found', 'not-found');
  return state;
}

function withStatus(state: ProgramState, status: ProgramStatus): ProgramState {
  return state.status === 'none' ? state : { ...state, status };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
