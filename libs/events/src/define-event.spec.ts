import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { id } from './catalogue/fields';
import { defineEvent, type OlderVersion } from './define-event';

// A test-only event with two published changes, the way a real one would evolve:
//   v1 { goalId, owner }                 as first published
//   v2 { goalId, ownerId }               `owner` renamed to say what it holds
//   v3 { goalId, ownerId, measure }      `measure` added; goals drafted before it were in percent
const v1 = z.strictObject({ goalId: id, owner: id });
const v2 = z.strictObject({ goalId: id, ownerId: id });
const v3 = z.strictObject({ goalId: id, ownerId: id, measure: z.enum(['percent', 'milestones']) });

const goalDrafted = defineEvent('goals.test-goal.drafted', { version: 3, schema: v3 }, [
  { version: 2, schema: v2, upcast: (data: z.infer<typeof v2>) => ({ ...data, measure: 'percent' }) },
  {
    version: 1,
    schema: v1,
    upcast: ({ owner, ...rest }: z.infer<typeof v1>) => ({ ...rest, ownerId: owner }),
  },
]);

describe('defineEvent', () => {
  const goalId = randomUUID();
  const ownerId = randomUUID();

  it('lists every published version oldest first, the newest last', () => {
    expect(goalDrafted.version).toBe(3);
    expect(goalDrafted.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(goalDrafted.versions[2]?.schema).toBe(v3);
    expect(goalDrafted.context).toBe('goals');
  });

  it('upcasts old JSON through every step to the newest shape', () => {
    const storedAsV1 = JSON.parse(`{"goalId":"${goalId}","owner":"${ownerId}"}`);
    const storedAsV2 = JSON.parse(`{"goalId":"${goalId}","ownerId":"${ownerId}"}`);
    const newest = { goalId, ownerId, measure: 'percent' };

    expect(goalDrafted.upcast(1, storedAsV1)).toEqual(newest);
    expect(goalDrafted.upcast(2, storedAsV2)).toEqual(newest);
    expect(goalDrafted.upcast(3, { goalId, ownerId, measure: 'milestones' })).toEqual({
      goalId,
      ownerId,
      measure: 'milestones',
    });
  });

  it('validates the data against the version it claims before upcasting', () => {
    expect(() => goalDrafted.upcast(1, { goalId, ownerId })).toThrow(/owner/);
    expect(() => goalDrafted.upcast(2, { goalId, ownerId, measure: 'percent' })).toThrow(/measure/);
  });

  it('rejects an upcaster whose output the next version does not accept', () => {
    const broken = defineEvent('goals.test-goal.drafted', { version: 2, schema: v2 }, [
      { version: 1, schema: v1, upcast: (data: z.infer<typeof v1>) => data },
    ]);
    expect(() => broken.upcast(1, { goalId, owner: ownerId })).toThrow(/ownerId/);
  });

  it('refuses to upcast from a version that was never published', () => {
    expect(() => goalDrafted.upcast(0, {})).toThrow('goals.test-goal.drafted has no version 0');
    expect(() => goalDrafted.upcast(4, { goalId, ownerId, measure: 'percent' })).toThrow(/no version 4/);
  });

  const badVersions: [string, { version: number; schema: z.ZodType }, OlderVersion[]][] = [
    ['a gap', { version: 3, schema: v3 }, [{ version: 1, schema: v1, upcast: () => ({}) }]],
    ['a newest version without its older ones', { version: 2, schema: v2 }, []],
    ['no version 1', { version: 3, schema: v3 }, [{ version: 2, schema: v2, upcast: () => ({}) }]],
    [
      'a version twice',
      { version: 2, schema: v2 },
      [
        { version: 1, schema: v1, upcast: () => ({}) },
        { version: 1, schema: v1, upcast: () => ({}) },
      ],
    ],
    ['version 0', { version: 0, schema: v1 }, []],
  ];
  it.each(badVersions)('rejects versions with %s at definition time', (_case, latest, older) => {
    expect(() => defineEvent('goals.test-goal.drafted', latest, older)).toThrow(
      /versions must be consecutive from 1/,
    );
  });

  it.each([
    'goal.drafted',
    'billing.invoice.paid',
    'Goals.goal.drafted',
    'goals.Goal.drafted',
    'goals.goal.drafted.twice',
    'goals.goal_plan.drafted',
    'goals..drafted',
    'goals.goal.drafted ',
  ])('rejects the type name "%s" at definition time', (type) => {
    expect(() => defineEvent(type, { version: 1, schema: v1 })).toThrow(
      'is not <context>.<aggregate>.<fact>',
    );
  });
});
