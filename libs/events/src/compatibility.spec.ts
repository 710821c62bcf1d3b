import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEvent, type RawEvent } from './parse';
import { eventCatalogue } from './registry';

// Records of every version ever published stay on topics and in event stores for good. Each
// version keeps one example of its data in fixtures/<type>/v<N>.json, and every one of them must
// still parse, upcast, to the newest version: changing a published schema in place breaks its
// fixture here (and the schema lock in docs/schema-lock.spec.ts).

const fixturesDir = path.resolve(__dirname, '../fixtures');
const fixtureName = (type: string, version: number) => `libs/events/fixtures/${type}/v${version}.json`;

const published = eventCatalogue.flatMap((definition) =>
  definition.versions.map(({ version }) => ({ type: definition.type, version, definition })),
);

function fixture(type: string, version: number): unknown {
  const file = path.join(fixturesDir, type, `v${version}.json`);
  if (!existsSync(file)) {
    throw new Error(`missing fixture ${fixtureName(type, version)}: add one example of that version's data`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

function recordOf(type: string, version: number, data: unknown): RawEvent {
  return {
    attributes: {
      id: randomUUID(),
      source: `/tandem/${type.slice(0, type.indexOf('.'))}`,
      specversion: '1.0',
      type,
      time: '2025-10-01T08:00:00.000Z',
      tenantid: 'acme-corp',
      version: String(version),
      streamid: randomUUID(),
      streamversion: '1',
    },
    data,
  };
}

describe.each(published)('$type v$version', ({ type, version, definition }) => {
  it('parses its fixture to valid data of the newest version', () => {
    const data = fixture(type, version);
    const result = parseEvent(recordOf(type, version, data));

    if (!result.ok) {
      throw new Error(`${fixtureName(type, version)} no longer parses: ${result.error.message}`);
    }
    expect(result.event.version).toBe(definition.version);
    expect(definition.schema.safeParse(result.event.data).success).toBe(true);
    if (version === definition.version) expect(result.event.data).toEqual(data);
  });

  it('rejects its fixture with a field the schema does not know', () => {
    const data = { ...(fixture(type, version) as object), unexpectedField: 'x' };
    expect(parseEvent(recordOf(type, version, data))).toMatchObject({
      ok: false,
      error: { code: 'invalid-data' },
    });
  });
});

describe('fixtures', () => {
  it('belong to versions in the catalogue', () => {
    const known = new Set(published.map(({ type, version }) => fixtureName(type, version)));
    const files = readdirSync(fixturesDir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? readdirSync(path.join(fixturesDir, entry.name)).map(
            (file) => `libs/events/fixtures/${entry.name}/${file}`,
          )
        : [`libs/events/fixtures/${entry.name}`],
    );
    expect(files.filter((file) => !known.has(file))).toEqual([]);
  });
});
