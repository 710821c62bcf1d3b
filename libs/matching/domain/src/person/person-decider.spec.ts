import type { TandemEvent } from '@tandem/events';
import { personDecider, type PersonCommand, type PersonState } from './person-decider';

const fold = (events: readonly TandemEvent[]): PersonState =>
  events.reduce(personDecider.evolve, personDecider.initialState());
const run = (history: readonly TandemEvent[], command: PersonCommand) =>
  personDecider.decide(command, fold(history));
const base = { userId: 'u-1', by: 'scim', source: 'scim' as const };

describe('personDecider', () => {
  const provisioned = run([], { ...base, type: 'provision', changedFields: ['display-name', 'email'] });

  it('provisions a person once: a second time is a conflict, unless the caller only wants them present', () => {
    expect(provisioned).toEqual([
      { type: 'matching.person.provisioned', data: { ...base, changedFields: ['display-name', 'email'] } },
    ]);
    expect(() => run(provisioned, { ...base, type: 'provision', changedFields: [] })).toThrow(
      expect.objectContaining({ code: 'person-exists', kind: 'conflict' }),
    );
    expect(run(provisioned, { ...base, type: 'provision', changedFields: [], ifAbsent: true })).toEqual([]);
  });

  it('records changed fields, and nothing when nothing changed', () => {
    expect(run(provisioned, { ...base, type: 'update', changedFields: ['job-title'] })).toEqual([
      { type: 'matching.person.changed', data: { ...base, changedFields: ['job-title'] } },
    ]);
    expect(run(provisioned, { ...base, type: 'update', changedFields: [], active: true })).toEqual([]);
  });

  it('deactivates and reactivates, each only when it changes something, with the fields in the same append', () => {
    const deactivation = run(provisioned, {
      ...base,
      type: 'update',
      changedFields: ['email'],
      active: false,
    });
    expect(deactivation.map((e) => e.type)).toEqual([
      'matching.person.changed',
      'matching.person.deactivated',
    ]);
    const deactivated = [...provisioned, ...deactivation];
    expect(run(deactivated, { ...base, type: 'update', changedFields: [], active: false })).toEqual([]);
    expect(run(deactivated, { ...base, type: 'update', changedFields: [], active: true })).toEqual([
      { type: 'matching.person.reactivated', data: base },
    ]);
  });

  it('knows nobody it never provisioned', () => {
    expect(() => run([], { ...base, type: 'update', changedFields: ['email'] })).toThrow(
      expect.objectContaining({ code: 'person-not-found', kind: 'not-found' }),
    );
  });
});
