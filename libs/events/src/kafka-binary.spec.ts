import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from './envelope';
import { fromKafkaRecord, toKafkaRecord } from './kafka-binary';
import { parseEvent } from './parse';

function sessionHeld(): EventEnvelope {
  const sessionId = randomUUID();
  return {
    type: 'sessions.session.held',
    version: 1,
    data: {
      sessionId,
      relationshipId: randomUUID(),
      programId: randomUUID(),
      kind: 'check-in',
      heldAt: '2025-10-09T15:32:00+02:00',
      durationMinutes: 25,
      attendeeIds: [randomUUID(), randomUUID()],
    },
    metadata: {
      id: randomUUID(),
      source: '/tandem/sessions',
      time: '2025-10-09T16:00:00.000Z',
      subject: 'session',
      tenantId: 'acme-corp',
      streamId: `session-${sessionId}`,
      streamVersion: 4,
      traceparent: `00-${'4b'.repeat(16)}-${'00f0'.repeat(4)}-01`,
    },
  };
}

/** What a Kafka client hands a consumer: header values and the value as bytes. */
function asReceived(record: ReturnType<typeof toKafkaRecord>) {
  const headers = Object.fromEntries(
    Object.entries(record.headers).map(([name, value]) => [name, Buffer.from(value)]),
  );
  return { key: Buffer.from(record.key), value: Buffer.from(record.value), headers };
}

describe('CloudEvents Kafka binary mode', () => {
  it('round-trips: toKafkaRecord → fromKafkaRecord → parseEvent gives the same envelope', () => {
    const envelope = sessionHeld();
    const decoded = fromKafkaRecord(asReceived(toKafkaRecord(envelope)));

    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(parseEvent(decoded.raw)).toEqual({ ok: true, event: envelope });
  });

  it('puts the attributes in ce_* headers, the data as JSON in the value, keyed by stream id', () => {
    const envelope = sessionHeld();
    const record = toKafkaRecord(envelope);

    expect(record.key).toBe(envelope.metadata.streamId);
    expect(JSON.parse(record.value)).toEqual(envelope.data);
    expect(record.headers).toEqual({
      'content-type': 'application/json',
      ce_id: envelope.metadata.id,
      ce_source: '/tandem/sessions',
      ce_specversion: '1.0',
      ce_type: 'sessions.session.held',
      ce_time: '2025-10-09T16:00:00.000Z',
      ce_subject: 'session',
      ce_tenantid: 'acme-corp',
      ce_version: '1',
      ce_streamid: envelope.metadata.streamId,
      ce_streamversion: '4',
      ce_traceparent: envelope.metadata.traceparent,
    });
  });

  it('leaves out the optional attributes an event does not have', () => {
    const { subject: _subject, traceparent: _traceparent, ...metadata } = sessionHeld().metadata;
    const envelope = { ...sessionHeld(), metadata };
    const record = toKafkaRecord(envelope);

    expect(record.headers).not.toHaveProperty('ce_subject');
    expect(record.headers).not.toHaveProperty('ce_traceparent');
    const decoded = fromKafkaRecord(asReceived(record));
    expect(decoded.ok && parseEvent(decoded.raw)).toEqual({ ok: true, event: envelope });
  });

  it('reads the first value of a repeated header', () => {
    const received = asReceived(toKafkaRecord(sessionHeld()));
    const decoded = fromKafkaRecord({
      ...received,
      headers: { ...received.headers, ce_tenantid: ['acme-corp', 'other'] },
    });
    expect(decoded).toMatchObject({ ok: true, raw: { attributes: { tenantid: 'acme-corp' } } });
  });

  it('says why a record without a value cannot be read', () => {
    const received = asReceived(toKafkaRecord(sessionHeld()));
    expect(fromKafkaRecord({ ...received, value: null })).toEqual({
      ok: false,
      message: 'record has no value (tombstone)',
    });
  });

  it.each(['{"sessionId":', '', 'held'])('says why a value that is not JSON cannot be read: %j', (value) => {
    const received = asReceived(toKafkaRecord(sessionHeld()));
    const decoded = fromKafkaRecord({ ...received, value: Buffer.from(value) });
    expect(decoded).toEqual({ ok: false, message: expect.stringMatching(/^value is not JSON: /) });
  });
});
