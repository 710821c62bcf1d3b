import { load } from 'js-yaml';
import { z } from 'zod';
import { id } from '../catalogue/fields';
import { defineEvent } from '../define-event';
import { attributeNames } from '../envelope';
import { eventCatalogue, eventDefinition } from '../registry';
import { asyncApiFilePath, renderAsyncApi } from './asyncapi';

type Node = { [key: string]: unknown };
interface AsyncApi extends Node {
  channels: Record<string, Node>;
  operations: Record<string, Node>;
  components: { messages: Record<string, Node>; schemas: Record<string, Node> };
}

function documentOf(files: Map<string, string>): AsyncApi {
  return load(files.get(asyncApiFilePath) ?? '') as AsyncApi;
}

/** Follows a local JSON pointer such as `#/components/messages/goals.goal.set`. */
function resolve(document: Node, pointer: string): unknown {
  expect(pointer.startsWith('#/')).toBe(true);
  return pointer
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Node | undefined)?.[key], document);
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' ? [String(value)] : refsIn(value)));
}

describe('the AsyncAPI document', () => {
  const document = documentOf(renderAsyncApi());
  const { channels, operations, components } = document;

  it('is AsyncAPI 3.0 with every reference resolving inside it', () => {
    expect(document).toMatchObject({ asyncapi: '3.0.0', info: { title: 'Tandem events', version: '1.0.0' } });
    const unresolved = refsIn(document).filter((pointer) => resolve(document, pointer) === undefined);
    expect(unresolved).toEqual([]);
  });

  it('has the four event topics and their dead-letter topics as channels', () => {
    expect(Object.values(channels).map((channel) => channel['address'])).toEqual([
      'tandem.matching.events',
      'tandem.matching.events.dlq',
      'tandem.goals.events',
      'tandem.goals.events.dlq',
      'tandem.sessions.events',
      'tandem.sessions.events.dlq',
      'tandem.analytics.events',
      'tandem.analytics.events.dlq',
    ]);
  });

  it('receives every message of a channel in an operation on that channel', () => {
    expect(Object.keys(operations)).toHaveLength(Object.keys(channels).length);
    for (const operation of Object.values(operations)) {
      expect(operation['action']).toBe('receive');
      const channel = String((operation['channel'] as Node)['$ref']);
      const messages = (operation['messages'] as Node[]).map((message) => String(message['$ref']));
      const channelMessages = Object.keys(resolve(document, `${channel}/messages`) as Node);
      expect(messages).toEqual(channelMessages.map((type) => `${channel}/messages/${type}`));
    }
  });

  it('has one message per event type, carrying its newest schema, on its context topic', () => {
    expect(Object.keys(components.messages).sort()).toEqual(eventCatalogue.map((d) => d.type).sort());
    for (const definition of eventCatalogue) {
      const message = components.messages[definition.type];
      expect(message).toMatchObject({
        name: definition.type,
        contentType: 'application/json',
        payload: { $ref: `#/components/schemas/${definition.type}.v${definition.version}` },
      });
      expect(Object.keys(channels[`${definition.context}Events`]?.['messages'] as Node)).toContain(
        definition.type,
      );
    }
  });

  it('describes the CloudEvents binary-mode headers as parseEvent checks them, and the key', () => {
    const headers = components.schemas['CloudEventsKafkaHeaders'] as { properties: Node; required: string[] };
    expect(Object.keys(headers.properties).sort()).toEqual(
      [...attributeNames.map((name) => `ce_${name}`), 'content-type'].sort(),
    );
    expect(headers.required).not.toContain('ce_subject');
    expect(headers.required).not.toContain('ce_traceparent');
    expect(headers.required).toContain('ce_streamid');
    expect(headers.properties['ce_specversion']).toMatchObject({ const: '1.0' });

    const goalSet = eventDefinition('goals.goal.set');
    const message = components.messages['goals.goal.set'];
    expect(message?.['headers']).toMatchObject({
      allOf: [
        { $ref: '#/components/schemas/CloudEventsKafkaHeaders' },
        {
          properties: {
            ce_type: { const: 'goals.goal.set' },
            ce_version: { const: String(goalSet?.version) },
          },
        },
      ],
    });
    expect(message?.['bindings']).toMatchObject({
      kafka: { key: { type: 'string' }, bindingVersion: '0.5.0' },
    });
  });

  it('documents the newest version of an event that has older ones', () => {
    const v1 = z.strictObject({ goalId: id, owner: id });
    const v2 = z.strictObject({ goalId: id, ownerId: id });
    const drafted = defineEvent('goals.test-goal.drafted', { version: 2, schema: v2 }, [
      {
        version: 1,
        schema: v1,
        upcast: ({ owner, ...rest }: z.infer<typeof v1>) => ({ ...rest, ownerId: owner }),
      },
    ]);
    const { messages, schemas } = documentOf(renderAsyncApi([drafted])).components;

    expect(messages['goals.test-goal.drafted']).toMatchObject({
      title: 'goals.test-goal.drafted v2',
      description: expect.stringContaining('Records of v1 may be on the topic too'),
      payload: { $ref: '#/components/schemas/goals.test-goal.drafted.v2' },
    });
    expect(schemas['goals.test-goal.drafted.v2']).toMatchObject({ required: ['goalId', 'ownerId'] });
    expect(schemas).not.toHaveProperty('goals.test-goal.drafted.v1');
  });
});
