export { createKafkaClient, type KafkaConnectionOptions } from './kafka-client';
export { KafkaConnectivity } from './kafka-connectivity';
export { TransactionalPublisher, PublisherFencedError, type OutgoingRecord } from './transactional-publisher';
export {
  EventConsumer,
  type EventConsumerOptions,
  type EventHandler,
  type ConsumerStats,
} from './event-consumer';
export { ensureTopics, deleteRecordsBefore, type TopicSpec } from './topics';
export {
  applyOnce,
  applyOnceMany,
  type ProjectedDocument,
  type Evolve,
  type ApplyOutcome,
} from './projection';
export { applyAppended, type ApplyAppendedOptions } from './apply-appended';
