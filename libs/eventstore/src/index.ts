export {
  EventStore,
  type EventStoreOptions,
  type AppendContext,
  type AppendOutcome,
  type StreamAppend,
  type StreamRead,
} from './event-store';
export { ConcurrencyError, InvalidEventError, CorruptEventError } from './errors';
export { handleCommand, type Decider, type HandleCommandInput, type HandledCommand } from './command-handler';
export {
  OutboxRelay,
  type OutboxRelayOptions,
  type RelayPublisher,
  type RelayRound,
  type RelayStats,
} from './outbox-relay';
export { Lease } from './lease';
export type { CommitDocument, StoredEvent } from './storage';
export { withTextFirst, type TextWrite } from './text-first';
export { rawEventOf } from './stored-event';
