import type { TandemEvent } from '@tandem/events';

interface PureDecider<C, S> {
  initialState(): S;
  evolve(state: S, event: TandemEvent): S;
  decide(command: C, state: S): readonly TandemEvent[];
}

/** Specs read as: given these past events, when this command, then these events (or this refusal). */
export function given<C, S>(decider: PureDecider<C, S>, history: readonly TandemEvent[] = []) {
  const state = history.reduce((s, e) => decider.evolve(s, e), decider.initialState());
  return {
    state,
    when: (command: C) => ({
      then: (expected: readonly TandemEvent[]) => expect(decider.decide(command, state)).toEqual(expected),
      thenRefused: (code: string, kind?: string) => {
        let thrown: unknown;
        try {
          decider.decide(command, state);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toMatchObject(kind ? { code, kind } : { code });
      },
    }),
  };
}
