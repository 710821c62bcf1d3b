import type { TandemEvent } from '@tandem/events';
import { DomainError, type Decider } from '@tandem/kernel';

type MentorEvent = Extract<TandemEvent, { type: `matching.mentor.${string}` }>;

/** A person as a mentor across every program of the tenant: one overall cap, whatever their enrolments. */
export type MentorState =
  | { readonly status: 'none' }
  | { readonly status: 'known'; readonly userId: string; readonly overallCapacity?: number };

export type MentorCommand = {
  readonly type: 'set-overall-capacity';
  readonly userId: string;
  /** Undefined removes the cap. */
  readonly overallCapacity?: number;
  readonly by: string;
  /** Admins set anyone's; a person only their own. */
  readonly asAdmin: boolean;
  /** An enrolment that names a cap sets it only for someone who has none yet (the person owns it). */
  readonly onlyIfUnset?: boolean;
};

export const mentorDecider: Decider<MentorCommand, TandemEvent, MentorState> = {
  initialState: (): MentorState => ({ status: 'none' }),

  evolve(state: MentorState, event: TandemEvent): MentorState {
    if (event.type !== 'matching.mentor.overall-capacity-set') return state;
    const { userId, overallCapacity } = event.data;
    return { status: 'known', userId, ...(overallCapacity === undefined ? {} : { overallCapacity }) };
  },

  decide(command: MentorCommand, state: MentorState): MentorEvent[] {
    const { userId, overallCapacity, by, asAdmin } = command;
    if (!asAdmin && by !== userId) {
      throw new DomainError(
        'not-your-capacity',
        'Only the person or an admin sets their overall capacity',
        'forbidden',
      );
    }
    const current = state.status === 'known' ? state.overallCapacity : undefined;
    if (command.onlyIfUnset && current !== undefined) return [];
    if (current === overallCapacity) return [];
    return [
      {
        type: 'matching.mentor.overall-capacity-set',
        data: { userId, by, ...(overallCapacity === undefined ? {} : { overallCapacity }) },
      },
    ];
  },
};

/** A mentor's load in one program and across all of them; loads count open relationships. */
export interface MentorLoad {
  readonly programCapacity: number;
  readonly programLoad: number;
  readonly overallCapacity?: number;
  readonly overallLoad: number;
}

/** Room left for one more in this program: the smaller of the program's room and the overall room. */
export function remainingCapacity(load: MentorLoad): number {
  const overall = load.overallCapacity === undefined ? Infinity : load.overallCapacity - load.overallLoad;
  return Math.max(0, Math.min(load.programCapacity - load.programLoad, overall));
}
