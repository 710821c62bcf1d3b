import { checkInCadence, type CadenceInput } from './check-in-cadence';

// A fake clock: every check gets its `now` explicitly. Two sessions a month → a 15-day window.
const base: CadenceInput = {
  relationshipStatus: 'active',
  activeSince: '2026-01-01T00:00:00.000Z',
  sessionsPerMonth: 2,
  scheduledStarts: [],
  now: '2026-01-01T00:00:00.000Z',
};
const at = (now: string, overrides: Partial<CadenceInput> = {}) =>
  checkInCadence({ ...base, ...overrides, now });

describe('check-in cadence', () => {
  it('is not overdue until a whole window has passed, then once per window', () => {
    expect(at('2026-01-15T23:59:59.999Z')).toEqual({ overdue: false });
    const first = at('2026-01-16T00:00:00.000Z');
    expect(first).toEqual({
      overdue: true,
      windowKey: '2026-01-01T00:00:00.000Z#1',
      expectedBy: '2026-01-16T00:00:00.000Z',
    });
    expect(at('2026-01-30T23:00:00.000Z')).toEqual(first);
    expect(at('2026-01-31T00:00:00.000Z')).toMatchObject({
      overdue: true,
      windowKey: '2026-01-01T00:00:00.000Z#2',
    });
  });

  it('counts windows from the last held session', () => {
    const lastHeldAt = '2026-01-10T00:00:00.000Z';
    expect(at('2026-01-20T00:00:00.000Z', { lastHeldAt })).toEqual({ overdue: false });
    expect(at('2026-01-25T00:00:00.000Z', { lastHeldAt })).toEqual({
      overdue: true,
      windowKey: '2026-01-10T00:00:00.000Z#1',
      expectedBy: '2026-01-25T00:00:00.000Z',
      lastSessionAt: lastHeldAt,
    });
  });

  it('is not overdue while a session is scheduled from now on', () => {
    expect(at('2026-01-20T00:00:00.000Z', { scheduledStarts: ['2026-01-22T00:00:00.000Z'] })).toEqual({
      overdue: false,
    });
    expect(at('2026-01-20T00:00:00.000Z', { scheduledStarts: ['2026-01-19T00:00:00.000Z'] })).toMatchObject({
      overdue: true,
    });
  });

  it('never fires for paused, ended or not yet started relationships, or without a cadence', () => {
    for (const relationshipStatus of ['paused', 'ended', 'proposed', 'unknown'] as const) {
      expect(at('2026-06-01T00:00:00.000Z', { relationshipStatus })).toEqual({ overdue: false });
    }
    expect(at('2026-06-01T00:00:00.000Z', { sessionsPerMonth: 0 })).toEqual({ overdue: false });
  });

  it('starts a fresh window when a paused relationship resumes', () => {
    const activeSince = '2026-02-01T00:00:00.000Z';
    expect(at('2026-02-10T00:00:00.000Z', { activeSince })).toEqual({ overdue: false });
    expect(at('2026-02-16T00:00:00.000Z', { activeSince })).toMatchObject({
      overdue: true,
      windowKey: '2026-02-01T00:00:00.000Z#1',
    });
  });
});
