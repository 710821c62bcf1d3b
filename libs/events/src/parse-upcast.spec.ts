import { randomUUID } from 'node:crypto';
import { parseEvent } from './parse';

// Every catalogue event is at version 1 today, so this file puts a test-only catalogue with a
// three-version event behind parseEvent to prove what consumers rely on once versions exist.
jest.mock('./registry', () => {
  const { z } = jest.requireActual<typeof import('zod')>('zod');
  const { defineEvent } = jest.requireActual<typeof import('./define-event')>('./define-event');
  type V1 = { goalId: string; owner: string };
  type V2 = { goalId: string; ownerId: string };
  const v1 = z.strictObject({ goalId: z.string(), owner: z.string() });
  const v2 = z.strictObject({ goalId: z.string(), ownerId: z.string() });
  const v3 = z.strictObject({
    goalId: z.string(),
    ownerId: z.string(),
    measure: z.enum(['percent', 'milestones']),
  });
  const definitions = [
    defineEvent('goals.test-goal.drafted', { version: 3, schema: v3 }, [
      { version: 1, schema: v1, upcast: ({ owner, ...rest }: V1) => ({ ...rest, ownerId: owner }) },
      { version: 2, schema: v2, upcast: (data: V2) => ({ ...data, measure: 'percent' }) },
    ]),
    // A bug: version 1's upcaster forgets the rename, so valid v1 data cannot become v2.
    defineEvent('goals.test-goal.misfiled', { version: 2, schema: v2 }, [
      { version: 1, schema: v1, upcast: (data: V1) => data },
    ]),
  ];
  return { eventDefinition: (type: string) => definitions.find((definition) => definition.type === type) };
});

const attributes = (type: string, version: number) => ({
  id: randomUUID(),
  source: '/tandem/goals',
  specversion: '1.0',
  type,
  time: '2025-10-01T08:00:00Z',
  tenantid: 'acme-corp',
  version: String(version),
  streamid: `goal-${randomUUID()}`,
  streamversion: '1',
});

describe('parseEvent on an event with older versions', () => {
  const goalId = randomUUID();
  const ownerId = randomUUID();

  it('accepts every published version and hands over the newest', () => {
    const stored = [
      { version: 1, data: { goalId, owner: ownerId } },
      { version: 2, data: { goalId, ownerId } },
      { version: 3, data: { goalId, ownerId, measure: 'percent' } },
    ];
    for (const { version, data } of stored) {
      const result = parseEvent({ attributes: attributes('goals.test-goal.drafted', version), data });
      expect(result).toMatchObject({
        ok: true,
        event: { version: 3, data: { goalId, ownerId, measure: 'percent' } },
      });
    }
  });

  it('checks data against the version it was written as, not the newest', () => {
    const result = parseEvent({
      attributes: attributes('goals.test-goal.drafted', 1),
      data: { goalId, ownerId },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-data', version: 1 } });
  });

  it('reports an upcaster that cannot lift valid data as invalid data instead of throwing', () => {
    const result = parseEvent({
      attributes: attributes('goals.test-goal.misfiled', 1),
      data: { goalId, owner: ownerId },
    });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'invalid-data',
        message: expect.stringContaining('cannot upcast goals.test-goal.misfiled v1 to v2'),
      }),
    });
  });
});
