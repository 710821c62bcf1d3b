import type { EventEnvelope, TandemEvent } from '@tandem/events';
import type { Decider } from '@tandem/kernel';
import { decidedStates, streamKey, type DecidedState } from './decided-state-cache';
import { ConcurrencyError } from './errors';
import type { AppendContext, EventStore } from './event-store';

export type { Decider };

export interface HandleCommandInput<Command> {
  readonly tenantId: string;
  readonly streamId: string;
  readonly command: Command;
  /** The version the caller saw (an If-Match ETag): a mismatch fails at once instead of retrying. */
  readonly expectedVersion?: number;
  readonly context?: AppendContext;
  /**
   * The stream's id was just made up (a random id for a new resource): the first attempt decides on
   * the empty stream without reading it. Should the id exist after all, the append fails on the
   * unique version index and the retry reads the stream as usual.
   */
  readonly newStream?: boolean;
  /** How often to re-read and re-decide after losing a race; default 3. */
  readonly retries?: number;
}

export interface HandledCommand<State> {
  readonly events: EventEnvelope[];
  /** The stream's version after the append: the new ETag. */
  readonly version: number;
  readonly state: State;
}

/**
 * Read the stream → fold with evolve → decide → append at the read version, retrying lost races.
 * A stream this process wrote last is not read again: its decided state is kept (in memory, per
 * decider) and the append's version guard catches a state that another process has moved on from;
 * a refusal or a mismatch seen on a kept state is checked against the stream before it is answered.
 */
export async function handleCommand<Command, Event extends TandemEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  input: HandleCommandInput<Command>,
): Promise<HandledCommand<State>> {
  const retries = input.retries ?? 3;
  const kept = decidedStates<State>(store, decider);
  const key = streamKey(input.tenantId, input.streamId);
  const read = async (): Promise<DecidedState<State>> => {
    const stream = await store.readStream(input.tenantId, input.streamId);
    const state = stream.events.reduce(
      (s, e) => decider.evolve(s, e as unknown as Event),
      decider.initialState(),
    );
    return { version: stream.version, state };
  };
  for (let attempt = 0; ; attempt += 1) {
    let current: DecidedState<State> =
      attempt === 0 && input.newStream
        ? { version: 0, state: decider.initialState() }
        : ((attempt === 0 ? kept.get(key) : undefined) ?? (await read()));
    let fromKept = attempt === 0 && !input.newStream && kept.get(key) === current;
    const decideOn = async (): Promise<readonly Event[]> => {
      if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
        if (!fromKept) throw new ConcurrencyError(input.streamId, input.expectedVersion, current.version);
        ({ current, fromKept } = { current: await read(), fromKept: false });
        return decideOn();
      }
      try {
        return decider.decide(input.command, current.state);
      } catch (error) {
        if (!fromKept) throw error;
        ({ current, fromKept } = { current: await read(), fromKept: false });
        return decideOn();
      }
    };
    const decided = await decideOn();
    try {
      const events = await store.append(
        input.tenantId,
        input.streamId,
        current.version,
        decided,
        input.context,
      );
      const state = decided.reduce((s, e) => decider.evolve(s, e), current.state);
      const version = current.version + decided.length;
      kept.set(key, { version, state });
      return { events, version, state };
    } catch (error) {
      kept.delete(key);
      // A kept state that lost its race was only stale: reading the stream is no retry of the caller's.
      const mayRetry =
        error instanceof ConcurrencyError &&
        (fromKept || (input.expectedVersion === undefined && attempt < retries));
      if (!mayRetry) throw error;
    }
  }
}
