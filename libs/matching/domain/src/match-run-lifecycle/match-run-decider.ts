import type { EventData, TandemEvent } from '@tandem/events';
import { DomainError, type Decider } from '@tandem/kernel';

type MatchRunEvent = Extract<TandemEvent, { type: `matching.match-run.${string}` }>;
type RunSummary = EventData<'matching.match-run.completed'>;

/** A match run is a draft until published; publishing turns its pairs into proposals, once. */
export type MatchRunState =
  | { readonly status: 'none' }
  | { readonly status: 'draft' | 'published'; readonly runId: string; readonly programId: string };

export type MatchRunCommand =
  | { readonly type: 'complete-run'; readonly summary: RunSummary }
  | {
      readonly type: 'publish-run';
      readonly by: string;
      readonly relationshipIds: readonly string[];
      readonly programStatus: string;
    };

export const matchRunDecider: Decider<MatchRunCommand, TandemEvent, MatchRunState> = {
  initialState: (): MatchRunState => ({ status: 'none' }),

  evolve(state: MatchRunState, event: TandemEvent): MatchRunState {
    if (event.type === 'matching.match-run.completed')
      return { status: 'draft', runId: event.data.runId, programId: event.data.programId };
    if (event.type === 'matching.match-run.published' && state.status !== 'none')
      return { ...state, status: 'published' };
    return state;
  },

  decide(command: MatchRunCommand, state: MatchRunState): MatchRunEvent[] {
    switch (command.type) {
      case 'complete-run':
        if (state.status !== 'none') throw new DomainError('run-exists', 'This match run already exists');
        return [{ type: 'matching.match-run.completed', data: command.summary }];
      case 'publish-run':
        if (state.status === 'none')
          throw new DomainError('run-not-found', 'Match run not found', 'not-found');
        if (state.status === 'published')
          throw new DomainError('run-published', 'This match run has already been published');
        if (command.programStatus === 'closed' || command.programStatus === 'draft') {
          throw new DomainError(
            'program-not-matching',
            `Matches cannot be published while the program is ${command.programStatus}`,
          );
        }
        return [
          {
            type: 'matching.match-run.published',
            data: {
              programId: state.programId,
              runId: state.runId,
              by: command.by,
              relationshipIds: [...command.relationshipIds],
            },
          },
        ];
      default: {
        const exhaustive: never = command;
        return exhaustive;
      }
    }
  },
};
