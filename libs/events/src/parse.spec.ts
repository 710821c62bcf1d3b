import { randomUUID } from 'node:crypto';
import type { CloudEventAttributes } from './envelope';
import { parseEvent, validateEventData, type EventParseResult, type RawEvent } from './parse';

const type = 'matching.relationship.accepted';

function accepted() {
  const relationshipId = randomUUID();
  const attributes: CloudEventAttributes = {
    id: randomUUID(),
    source: '/tandem/matching',
    specversion: '1.0',
    type,
    time: '2025-09-12T09:30:00.000Z',
    tenantid: 'acme-corp',
    version: '1',
    streamid: `relationship-${relationshipId}`,
    streamversion: '2',
  };
  return { attributes, data: { relationshipId, programId: randomUUID(), participantId: randomUUID() } };
}

/** A failure must carry no event at all: nothing half-valid reaches a handler. */
function failureOf(result: EventParseResult) {
  expect(Object.keys(result).sort()).toEqual(['error', 'ok']);
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('parseEvent', () => {
  it('returns the whole event, attributes mapped to metadata', () => {
    const raw = accepted();
    const traceparent = `00-${'ab'.repeat(16)}-${'cd'.repeat(8)}-01`;
    const result = parseEvent({
      ...raw,
      attributes: { ...raw.attributes, subject: 'relationship', traceparent },
    });

    expect(result).toEqual({
      ok: true,
      event: {
        type,
        version: 1,
        data: raw.data,
        metadata: {
          id: raw.attributes.id,
          source: '/tandem/matching',
          time: '2025-09-12T09:30:00.000Z',
          subject: 'relationship',
          tenantId: 'acme-corp',
          streamId: raw.attributes.streamid,
          streamVersion: 2,
          traceparent,
        },
      },
    });
  });

  it('names an unknown type', () => {
    const raw = accepted();
    const error = failureOf(
      parseEvent({ ...raw, attributes: { ...raw.attributes, type: 'matching.relationship.vanished' } }),
    );
    expect(error).toMatchObject({ code: 'unknown-type', type: 'matching.relationship.vanished', issues: [] });
  });

  it('names a version the type never had', () => {
    const raw = accepted();
    const error = failureOf(parseEvent({ ...raw, attributes: { ...raw.attributes, version: '7' } }));
    expect(error).toMatchObject({ code: 'unknown-version', type, version: 7 });
    expect(error.message).toContain('newest: 1');
  });

  it('names every missing attribute', () => {
    const { tenantid: _tenant, streamversion: _position, ...attributes } = accepted().attributes;
    const error = failureOf(parseEvent({ attributes, data: accepted().data }));
    expect(error.code).toBe('invalid-envelope');
    expect(error.issues.map((i) => i.path)).toEqual(['attributes.tenantid', 'attributes.streamversion']);
  });

  it('names every malformed attribute', () => {
    const raw = accepted();
    const attributes = {
      ...raw.attributes,
      specversion: '0.3',
      time: 'yesterday',
      version: 'one',
      traceparent: 'x',
    };
    const error = failureOf(parseEvent({ ...raw, attributes }));
    expect(error.code).toBe('invalid-envelope');
    expect(error.issues.map((i) => i.path).sort()).toEqual([
      'attributes.specversion',
      'attributes.time',
      'attributes.traceparent',
      'attributes.version',
    ]);
  });

  it('names the invalid data fields', () => {
    const raw = accepted();
    const { relationshipId: _missing, ...data } = { ...raw.data, participantId: 42 };
    const error = failureOf(parseEvent({ ...raw, data }));
    expect(error).toMatchObject({ code: 'invalid-data', type, version: 1 });
    expect(error.issues.map((i) => i.path).sort()).toEqual(['data.participantId', 'data.relationshipId']);
  });

  it('rejects data fields the schema does not know: schemas are strict', () => {
    const raw = accepted();
    const error = failureOf(parseEvent({ ...raw, data: { ...raw.data, comment: 'great match' } }));
    expect(error.code).toBe('invalid-data');
    expect(error.issues).toEqual([{ path: 'data', message: expect.stringContaining('comment') }]);
  });

  it.each([null, 'text', [1, 2]])('rejects data that is not an object: %j', (data) => {
    const error = failureOf(parseEvent({ ...accepted(), data } as RawEvent));
    expect(error.issues.map((i) => i.path)).toEqual(['data']);
  });
});

describe('validateEventData', () => {
  it('accepts data of the newest version and names what is wrong otherwise', () => {
    expect(validateEventData(type, accepted().data)).toEqual({ ok: true });
    expect(validateEventData(type, { ...accepted().data, participantId: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-data', issues: [{ path: 'data.participantId' }] },
    });
    expect(validateEventData('matching.nothing.happened', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-type' },
    });
  });
});
