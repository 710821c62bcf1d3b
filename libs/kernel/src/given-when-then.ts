import { fold, type Decider } from './decider';

/** What a refused command left behind: its code and kind, and that nothing was decided. */
export interface Refusal {
  readonly code: string;
  readonly kind: string;
  readonly message: string;
}

/**
 * Decider specs read as given past events, when a command, then the decided events or the refusal:
 * `given(decider, history).when(command).then()` returns the events, `.thenRefuses()` the
 * DomainError's code and kind (and fails if the command was accepted).
 */
export function given<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  history: readonly Event[] = [],
) {
  const state = fold(decider, history);
  return {
    state,
    when: (command: Command) => ({
      then: (): readonly Event[] => decider.decide(command, state),
      thenRefuses: (): Refusal => {
        let decided: readonly Event[];
        try {
          decided = decider.decide(command, state);
        } catch (error) {
          const { code, kind, message } = error as Refusal;
          if (typeof code !== 'string') throw error;
          return { code, kind, message };
        }
        throw new Error(`expected the command to be refused, but it decided ${decided.length} event(s)`);
      },
    }),
  };
}
