export { contexts, defineEvent, type Context, type EventDefinition, type EventOf, type OlderVersion } from './define-event';
export {
  eventCatalogue,
  eventDefinition,
  eventTopics,
  topicOf,
  topicOfType,
  deadLetterTopicOf,
  type TandemEvent,
  type TandemEventType,
  type EventData,
} from './registry';
export { toAttributes, attributeNames, type EventEnvelope, type EventMetadata, type CloudEventAttributes } from './envelope';
export {
  parseEvent,
  validateEventData,
  type RawEvent,
  type EventParseResult,
  type EventParseError,
  type EventParseErrorCode,
  type EventParseIssue,
} from './parse';
export { toKafkaRecord, rawToKafkaRecord, fromKafkaRecord, type BinaryKafkaRecord, type KafkaDecodeResult } from './kafka-binary';
