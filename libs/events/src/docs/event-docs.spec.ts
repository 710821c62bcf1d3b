import path from 'node:path';
import { z } from 'zod';
import { id } from '../catalogue/fields';
import { defineEvent } from '../define-event';
import { readGeneratedFiles } from './docs-files';
import { docsDrift, expectedEventDocs, type DocsDrift } from './event-docs';

const libRoot = path.resolve(__dirname, '../..');
const described = (drift: readonly DocsDrift[]) =>
  drift.map(({ kind, file }) => `${kind}: libs/events/${file}`);

describe('committed event docs', () => {
  it('are what `npm run events:docs` generates from the catalogue', () => {
    const committed = readGeneratedFiles(libRoot);
    const expected = expectedEventDocs(committed);
    if (!expected.ok) {
      throw new Error(`Published event schemas changed:\n  ${expected.problems.join('\n  ')}`);
    }
    const drift = described(docsDrift(expected.files, committed));
    if (drift.length > 0) {
      throw new Error(`Event docs are out of date; run npm run events:docs\n  ${drift.join('\n  ')}`);
    }
  });
});

describe('generating event docs', () => {
  const v1 = z.strictObject({ goalId: id, owner: id });
  const v2 = z.strictObject({ goalId: id, ownerId: id });
  const draftedV1 = defineEvent('goals.test-goal.drafted', { version: 1, schema: v1 });
  const draftedV2 = defineEvent('goals.test-goal.drafted', { version: 2, schema: v2 }, [
    {
      version: 1,
      schema: v1,
      upcast: ({ owner, ...rest }: z.infer<typeof v1>) => ({ ...rest, ownerId: owner }),
    },
  ]);

  function generated(
    catalogue: Parameters<typeof expectedEventDocs>[1],
    committed = new Map<string, string>(),
  ) {
    const expected = expectedEventDocs(committed, catalogue);
    if (!expected.ok) throw new Error(expected.problems.join('\n'));
    return expected;
  }

  it('starts from nothing: a schema per version, the AsyncAPI document and the lock', () => {
    const { files, locked } = generated([draftedV1]);
    expect([...files.keys()].sort()).toEqual([
      'asyncapi.yaml',
      'published-schemas.lock.json',
      'schemas/goals.test-goal.drafted/v1.schema.json',
    ]);
    expect(locked).toEqual(['goals.test-goal.drafted@v1']);
  });

  it('writes JSON Schema 2020-12 that names its type and version, in a stable layout', () => {
    const file = generated([draftedV1]).files.get('schemas/goals.test-goal.drafted/v1.schema.json') ?? '';
    const schema = JSON.parse(file);

    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:tandem:events:goals.test-goal.drafted:v1',
      title: 'goals.test-goal.drafted v1',
      type: 'object',
      required: ['goalId', 'owner'],
      additionalProperties: false,
    });
    expect(Object.keys(schema)).toEqual([...Object.keys(schema)].sort());
    expect(file).toBe(`${JSON.stringify(schema, null, 2)}\n`);
  });

  it('renders the same bytes whatever order the fields are declared in', () => {
    const reordered = defineEvent('goals.test-goal.drafted', {
      version: 1,
      schema: z.strictObject({ owner: id, goalId: id }),
    });
    expect(generated([reordered]).files).toEqual(generated([draftedV1]).files);
  });

  it('adds a new version beside the published one, which stays byte for byte', () => {
    const before = generated([draftedV1]).files;
    const after = generated([draftedV2], new Map(before));

    expect(described(docsDrift(after.files, before))).toEqual([
      'stale: libs/events/asyncapi.yaml',
      'stale: libs/events/published-schemas.lock.json',
      'missing: libs/events/schemas/goals.test-goal.drafted/v2.schema.json',
    ]);
    expect(after.locked).toEqual(['goals.test-goal.drafted@v2']);
  });

  it('refuses to regenerate when a published version changed in place', () => {
    const before = generated([draftedV1]).files;
    const changed = defineEvent('goals.test-goal.drafted', { version: 1, schema: v2 });

    expect(expectedEventDocs(new Map(before), [changed])).toEqual({
      ok: false,
      problems: ['goals.test-goal.drafted v1 changed in place: add version 2 with an upcaster instead'],
    });
  });

  it('names what is missing, stale and extra, in path order', () => {
    const expected = new Map([
      ['asyncapi.yaml', 'a'],
      ['schemas/x/v1.schema.json', '{}\n'],
    ]);
    const committed = new Map([
      ['asyncapi.yaml', 'b'],
      ['schemas/gone/v1.schema.json', '{}\n'],
    ]);
    expect(described(docsDrift(expected, committed))).toEqual([
      'stale: libs/events/asyncapi.yaml',
      'extra: libs/events/schemas/gone/v1.schema.json',
      'missing: libs/events/schemas/x/v1.schema.json',
    ]);
    expect(docsDrift(expected, new Map(expected))).toEqual([]);
  });
});
