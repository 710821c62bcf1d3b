export { createKafkaClient, type KafkaConnectionOptions } from './kafka-client';
export { KafkaConnectivity } from './kafka-connectivity';
