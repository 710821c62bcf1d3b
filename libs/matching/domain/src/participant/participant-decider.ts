import type { TandemEvent } from '@tandem/events';
import type { ProgramStatus, ProgramType } from '../program/program-state';
import { DomainError, type Decider } from '@tandem/kernel';
import type { Facets, ParticipantRole, ParticipantState } from './participant-state';

type ParticipantEvent = Extract<TandemEvent, { type: `matching.participant.${string}` }>;

/** What the enrolment rules need to know about the program, read by the handler before deciding. */
export interface ProgramFacts {
  readonly status: ProgramStatus;
  readonly programType: ProgramType;
  readonly defaultMentorCapacity: number;
  /** Group programs: the most mentees one group may have, a hard limit on a mentor's capacity. */
  readonly maxGroupSize?: number;
}

export type ParticipantCommand =
  | {
      readonly type: 'enrol';
      readonly participantId: string;
      readonly programId: string;
      readonly userId: string;
      readonly roles: readonly ParticipantRole[];
      readonly capacity?: number;
      readonly facets: Facets;
      readonly program: ProgramFacts;
      /** Program admins may enrol people outside the enrolment window (late joiners, imports). */
      readonly byProgramAdmin: boolean;
    }
  | { readonly type: 'update-profile'; readonly changedFields: readonly string[]; readonly facets: Facets }
  | { readonly type: 'withdraw'; readonly reason: string };

export const participantDecider: Decider<ParticipantCommand, TandemEvent, ParticipantState> = {
  initialState: (): ParticipantState => ({ status: 'none' }),

  evolve(state: ParticipantState, event: TandemEvent): ParticipantState {
    switch (event.type) {
      case 'matching.participant.enrolled': {
        const { participantId, programId, userId, roles, capacity, facets } = event.data;
        return { status: 'enrolled', participantId, programId, userId, roles, capacity, facets };
      }
      case 'matching.participant.profile-updated':
        return state.status === 'none' ? state : { ...state, facets: event.data.facets };
      case 'matching.participant.withdrew':
        return state.status === 'none' ? state : { ...state, status: 'withdrawn' };
      default:
        return state;
    }
  },

  decide(command: ParticipantCommand, state: ParticipantState): ParticipantEvent[] {
    switch (command.type) {
      case 'enrol':
        return decideEnrol(command, state);
      case 'update-profile':
        if (state.status !== 'enrolled') throw notEnrolled(state);
        if (command.changedFields.length === 0) return [];
        return [
          {
            type: 'matching.participant.profile-updated',
            data: {
              programId: state.programId,
              participantId: state.participantId,
              changedFields: [...command.changedFields],
              facets: command.facets,
            },
          },
        ];
      case 'withdraw':
        if (state.status !== 'enrolled') throw notEnrolled(state);
        return [
          {
            type: 'matching.participant.withdrew',
            data: { programId: state.programId, participantId: state.participantId, reason: command.reason },
          },
        ];
      default: {
        const exhaustive: never = command;
        return exhaustive;
      }
    }
  },
};

function decideEnrol(
  command: Extract<ParticipantCommand, { type: 'enrol' }>,
  state: ParticipantState,
): ParticipantEvent[] {
  if (state.status === 'enrolled')
    throw new DomainError('already-enrolled', 'This person is already enrolled in the program');
  const { program } = command;
  const windowOpen =
    program.status === 'enrolment-open' || (command.byProgramAdmin && program.status !== 'closed');
  if (!windowOpen) {
    throw new DomainError('enrolment-not-open', `Enrolment is not open: the program is ${program.status}`);
  }
  const roles = [...new Set(command.roles)].sort();
  if (roles.length > 1 && program.programType !== 'peer') {
    throw new DomainError(
      'one-role-only',
      'Only peer programs enrol someone as both mentor and mentee',
      'invalid',
    );
  }
  const capacity = roles.includes('mentor') ? (command.capacity ?? program.defaultMentorCapacity) : undefined;
  refuseCapacityAboveGroupSize(program, capacity);
  return [
    {
      type: 'matching.participant.enrolled',
      data: {
        programId: command.programId,
        participantId: command.participantId,
        userId: command.userId,
        roles,
        capacity,
        facets: command.facets,
      },
    },
  ];
}

/** A mentor in a group program leads one group, so their capacity is its size: never above maxGroupSize. */
function refuseCapacityAboveGroupSize(program: ProgramFacts, capacity: number | undefined): void {
  if (program.programType !== 'group' || program.maxGroupSize === undefined || capacity === undefined) return;
  if (capacity > program.maxGroupSize) {
    throw new DomainError(
      'capacity-above-group-size',
      `A mentor's capacity (${capacity}) cannot exceed the program's maxGroupSize (${program.maxGroupSize})`,
      'invalid',
    );
  }
}

function notEnrolled(state: ParticipantState): DomainError {
  return state.status === 'none'
    ? new DomainError('participant-not-found', 'Participant not found', 'not-found')
    : new DomainError('participant-withdrawn', 'The participant has withdrawn');
}
