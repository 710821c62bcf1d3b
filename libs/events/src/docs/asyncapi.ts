import { dump } from 'js-yaml';
import { contexts, type Context, type EventDefinition } from '../define-event';
import { deadLetterTopicOf, eventCatalogue, topicOf } from '../registry';
import { canonical } from './canonical-json';
import { dataJsonSchema, generatedNote, schemaFilePath } from './json-schemas';
import { kafkaHeadersSchema, recordKeySchema } from './kafka-headers';

/** The AsyncAPI document, relative to libs/events. */
export const asyncApiFilePath = 'asyncapi.yaml';

const kafkaBindingVersion = '0.5.0';
const headersSchemaName = 'CloudEventsKafkaHeaders';

const contextTopics: Record<Context, string> = {
  matching: 'programs, enrolment, match runs and mentoring relationships',
  goals: 'SMART goals, milestones, progress and goal templates',
  sessions: 'mentoring sessions, feedback, action items and check-in cadence',
  analytics: "the analytics service's own part of requests other services track (erasure)",
};

const overview = `Every event Tandem's services publish, one Kafka topic per producing context, keyed by the
aggregate's stream id so that one aggregate's events stay in order (order across streams and topics
is not guaranteed). Records are CloudEvents 1.0 in Kafka binary mode: the attributes in ce_* headers,
the data as JSON in the value. Each message below is the newest version of its event type; records
of older versions may still be on a topic, and parseEvent from @tandem/events upcasts them. Every
version's JSON Schema is in libs/events/schemas/<type>/v<N>.schema.json.`;

const ref = (pointer: string) => ({ $ref: pointer });
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const payloadSchemaName = (definition: EventDefinition) => `${definition.type}.v${definition.version}`;

interface Channel {
  readonly id: string;
  readonly operationId: string;
  readonly context: Context;
  readonly deadLetters: boolean;
}

const channels: Channel[] = contexts.flatMap((context) => [
  {
    id: `${context}Events`,
    operationId: `receive${capitalised(context)}Events`,
    context,
    deadLetters: false,
  },
  {
    id: `${context}DeadLetters`,
    operationId: `receive${capitalised(context)}DeadLetters`,
    context,
    deadLetters: true,
  },
]);

function channelObject(channel: Channel, events: readonly EventDefinition[]) {
  const topic = topicOf(channel.context);
  return {
    address: channel.deadLetters ? deadLetterTopicOf(topic) : topic,
    title: channel.deadLetters ? `${channel.context} dead letters` : `${channel.context} events`,
    description: channel.deadLetters
      ? `Records a consumer of ${topic} could not process, as they were (key, value and ce_* headers), ` +
        'with headers added that name the error and the original topic, partition and offset.'
      : `Facts of the ${channel.context} context: ${contextTopics[channel.context]}.`,
    messages: Object.fromEntries(
      events.map((event) => [event.type, ref(`#/components/messages/${event.type}`)]),
    ),
  };
}

function operationObject(channel: Channel, events: readonly EventDefinition[]) {
  return {
    action: 'receive',
    channel: ref(`#/channels/${channel.id}`),
    summary: channel.deadLetters
      ? `Inspect or replay what consumers of ${topicOf(channel.context)} dead-lettered.`
      : `Consume ${channel.context} events; parse each record with parseEvent and apply it idempotently.`,
    messages: events.map((event) => ref(`#/channels/${channel.id}/messages/${event.type}`)),
  };
}

function messageObject(definition: EventDefinition) {
  const older = definition.versions.slice(0, -1).map(({ version }) => `v${version}`);
  const upcast =
    older.length > 0
      ? ` Records of ${older.join(', ')} may be on the topic too; parseEvent upcasts them.`
      : '';
  return {
    name: definition.type,
    title: `${definition.type} v${definition.version}`,
    description: `Data schema: libs/events/${schemaFilePath(definition.type, definition.version)}.${upcast}`,
    contentType: 'application/json',
    headers: {
      type: 'object',
      allOf: [
        ref(`#/components/schemas/${headersSchemaName}`),
        {
          type: 'object',
          properties: {
            ce_type: { type: 'string', const: definition.type },
            ce_version: { type: 'string', const: String(definition.version) },
          },
        },
      ],
    },
    payload: ref(`#/components/schemas/${payloadSchemaName(definition)}`),
    bindings: { kafka: { key: recordKeySchema(), bindingVersion: kafkaBindingVersion } },
  };
}

function payloadSchema(definition: EventDefinition) {
  // Draft-07 without `$schema`: the AsyncAPI default schema format is a superset of draft-07.
  const { $schema: _draft, ...schema } = dataJsonSchema(definition.schema, 'draft-7');
  return { ...schema, title: `${definition.type} v${definition.version}` };
}

/** The AsyncAPI 3.0 document of every topic and event: relative path → content. */
export function renderAsyncApi(catalogue: readonly EventDefinition[] = eventCatalogue): Map<string, string> {
  const eventsOf = (context: Context) => catalogue.filter((definition) => definition.context === context);
  const document = {
    asyncapi: '3.0.0',
    info: { title: 'Tandem events', version: '1.0.0', description: overview },
    defaultContentType: 'application/json',
    channels: Object.fromEntries(channels.map((c) => [c.id, channelObject(c, eventsOf(c.context))])),
    operations: Object.fromEntries(
      channels.map((c) => [c.operationId, operationObject(c, eventsOf(c.context))]),
    ),
    components: {
      schemas: canonical({
        [headersSchemaName]: kafkaHeadersSchema(),
        ...Object.fromEntries(
          catalogue.map((definition) => [payloadSchemaName(definition), payloadSchema(definition)]),
        ),
      }),
      messages: Object.fromEntries(
        catalogue.map((definition) => [definition.type, messageObject(definition)]),
      ),
    },
  };
  const yaml = dump(document, { lineWidth: -1, noRefs: true });
  return new Map([[asyncApiFilePath, `# ${generatedNote}\n${yaml}`]]);
}
