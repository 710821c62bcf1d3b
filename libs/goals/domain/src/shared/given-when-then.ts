import type { TandemEvent } from '@tandem/events';

interface PureDecider<C, S, E extends TandemEvent> {
  initialState(): S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S): readonly E[];
}

/**
 * Given past events, when a command: `then` returns the decided events, `thenRefuses` the rule
 * that refused it (so a spec can check the code and kind, and that nothing was decided).
 */
export function given<C, S, E extends TandemEvent>(decider: PureDecider<C, S, E>, events: readonly E[]) {
  const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState());
  return {
    state,
    when: (command: C) => ({
      then: (): readonly E[] => decider.decide(command, state),
      thenRefuses: (): { code: string; kind: string } => {
        try {
          decider.decide(command, state);
        } catch (error) {
          const { code, kind } = error as { code: string; kind: string };
          return { code, kind };
        }
        throw new Error('expected the command to be refused, but it was accepted');
      },
    }),
  };
}
