import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { code, id } from '../catalogue/fields';
import { defineEvent } from '../define-event';
import { extendLock, lockFilePath, lockViolations, parseLock, schemaHashes } from './schema-lock';

const libRoot = path.resolve(__dirname, '../..');

describe('published-schemas.lock.json', () => {
  it('still matches every published version in the catalogue', () => {
    const lock = parseLock(readFileSync(path.join(libRoot, lockFilePath), 'utf8'));
    const violations = lockViolations(lock, schemaHashes());
    if (violations.length > 0) {
      throw new Error(`Published event schemas changed:\n  ${violations.join('\n  ')}`);
    }
  });
});

describe('the schema lock', () => {
  const v1 = z.strictObject({ goalId: id, owner: id });
  const v2 = z.strictObject({ goalId: id, ownerId: id });
  const drafted = defineEvent('goals.test-goal.drafted', { version: 1, schema: v1 });
  const lock = Object.fromEntries(schemaHashes([drafted]));

  it('holds while nothing changed, whatever order the fields are declared in', () => {
    const reordered = defineEvent('goals.test-goal.drafted', {
      version: 1,
      schema: z.strictObject({ owner: id, goalId: id }),
    });
    expect(lockViolations(lock, schemaHashes([drafted]))).toEqual([]);
    expect(lockViolations(lock, schemaHashes([reordered]))).toEqual([]);
  });

  it.each([
    ['a field added', v1.extend({ category: code.optional() })],
    ['a field made optional', z.strictObject({ goalId: id, owner: id.optional() })],
    ['a constraint tightened', z.strictObject({ goalId: id, owner: id.max(36) })],
    ['unknown fields allowed', z.object({ goalId: id, owner: id })],
    ['a default added', z.strictObject({ goalId: id, owner: id.default('nobody') })],
  ])('breaks when a published version is changed in place: %s', (_change, schema) => {
    const changed = defineEvent('goals.test-goal.drafted', { version: 1, schema });
    expect(lockViolations(lock, schemaHashes([changed]))).toEqual([
      'goals.test-goal.drafted v1 changed in place: add version 2 with an upcaster instead',
    ]);
  });

  it('breaks when a published version leaves the catalogue', () => {
    const renamed = defineEvent('goals.test-goal.sketched', { version: 1, schema: v1 });
    expect(lockViolations(lock, schemaHashes([renamed]))).toEqual([
      'goals.test-goal.drafted v1 was published but is gone from the catalogue: keep it in `older` with an upcaster',
    ]);
  });

  it('takes a new version as an addition and keeps the published entries as they are', () => {
    const withV2 = defineEvent('goals.test-goal.drafted', { version: 2, schema: v2 }, [
      {
        version: 1,
        schema: v1,
        upcast: ({ owner, ...rest }: z.infer<typeof v1>) => ({ ...rest, ownerId: owner }),
      },
    ]);
    const hashes = schemaHashes([withV2]);

    expect(lockViolations(lock, hashes)).toEqual([]);
    const extended = extendLock(lock, hashes);
    expect(extended.added).toEqual(['goals.test-goal.drafted@v2']);
    expect(extended.lock).toEqual({
      ...lock,
      'goals.test-goal.drafted@v2': hashes.get('goals.test-goal.drafted@v2'),
    });
  });

  it('refuses a lock file it cannot read, naming the bad entry', () => {
    expect(() => parseLock('{"goals.goal.set@v1": "abc"}')).toThrow(
      '"goals.goal.set@v1" must map to a sha256 in hex',
    );
    expect(() => parseLock(`{"goals.goal.set": "${'0'.repeat(64)}"}`)).toThrow(
      '"goals.goal.set" is not <type>@v<N>',
    );
    expect(() => parseLock('[]')).toThrow('published-schemas.lock.json is not a JSON object');
    expect(() => parseLock('{')).toThrow(/published-schemas\.lock\.json is not JSON/);
  });
});
