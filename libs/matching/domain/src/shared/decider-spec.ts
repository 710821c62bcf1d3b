import type { TandemEvent } from '@tandem/events';

interface Decider<C, S> {
  initialState(): S;
  evolve(state: S, event: TandemEvent): S;
  decide(command: C, state: S): readonly TandemEvent[];
}

/** Given past events, when a command, then the decided events (or the thrown rule). */
export function givenEvents<C, S>(decider: Decider<C, S>, events: readonly TandemEvent[]) {
  const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState());
  return {
    state,
    when: (command: C) => () => decider.decide(command, state),
  };
}
