import { LRUCache } from 'lru-cache';

/** A stream's state as this process last decided on it, at the version it was written with. */
export interface DecidedState<State> {
  readonly version: number;
  readonly state: State;
}

const streamsPerDecider = 10_000;
const caches = new WeakMap<object, WeakMap<object, LRUCache<string, DecidedState<unknown>>>>();

/**
 * The states this process last wrote through a store, per decider and stream, so a command on a stream it just
 * wrote needs no read of it. A cached state may be behind another process's appends, never ahead:
 * the append at its version then fails on the unique version index and the command reads the
 * stream as usual (see `handleCommand`).
 */
export function decidedStates<State>(store: object, decider: object): LRUCache<string, DecidedState<State>> {
  const ofStore = caches.get(store) ?? new WeakMap<object, LRUCache<string, DecidedState<unknown>>>();
  caches.set(store, ofStore);
  let cache = ofStore.get(decider);
  if (!cache) {
    cache = new LRUCache<string, DecidedState<unknown>>({ max: streamsPerDecider });
    ofStore.set(decider, cache);
  }
  return cache as LRUCache<string, DecidedState<State>>;
}

export const streamKey = (tenantId: string, streamId: string): string => `${tenantId}/${streamId}`;
