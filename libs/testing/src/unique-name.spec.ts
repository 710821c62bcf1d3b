import { uniqueName } from './unique-name';

describe('uniqueName', () => {
  it('gives a different, database-safe name on every call', () => {
    const names = new Set(Array.from({ length: 200 }, () => uniqueName('Kafka round-trip.spec')));
    expect(names.size).toBe(200);
    for (const name of names) {
      expect(name).toMatch(/^kafka_round_trip_spec_[a-z0-9]+$/);
      expect(name.length).toBeLessThanOrEqual(63);
    }
  });
});
