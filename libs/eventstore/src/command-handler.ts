import type { EventEnvelope, TandemEvent } from '@tandem/events';
import type { Decider } from '@tandem/kernel';
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

/** Read the stream → fold with evolve → decide → append at the read version, retrying lost races. */
export async function handleCommand<Command, Event extends TandemEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  input: HandleCommandInput<Command>,
): Promise<HandledCommand<State>> {
  const retries = input.retries ?? 3;
  for (let attempt = 0; ; attempt += 1) {
    const stream =
      attempt === 0 && input.newStream
        ? { version: 0, events: [] }
        : await store.readStream(input.tenantId, input.streamId);
    if (input.expectedVersion !== undefined && input.expectedVersion !== stream.version) {
      throw new ConcurrencyError(input.streamId, input.expectedVersion, stream.version);
    }
    const state = stream.events.reduce(
      (s, e) => decider.evolve(s, e as unknown as Event),
      decider.initialState(),
    );
    const decided = decider.decide(input.command, state);
    try {
      const events = await store.append(
        input.tenantId,
        input.streamId,
        stream.version,
        decided,
        input.context,
      );
      const newState = decided.reduce((s, e) => decider.evolve(s, e), state);
      return { events, version: stream.version + decided.length, state: newState };
    } catch (error) {
      const mayRetry =
        error instanceof ConcurrencyError && input.expectedVersion === undefined && attempt < retries;
      if (!mayRetry) throw error;
    }
  }
}
