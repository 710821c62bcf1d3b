import { readFileSync } from 'node:fs';
import path from 'node:path';
import { goalCompleted, goalProgressRecorded, goalRevised, goalSet } from './goals';

const fixture = (type: string, version: number): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(__dirname, '../../fixtures', type, `v${version}.json`), 'utf8'));

describe('goals events published as version 1 read as version 2', () => {
  it('turns a v1 measure code into the SMART measure, as a short-term goal with no known start', () => {
    const v1 = fixture('goals.goal.set', 1);
    expect(goalSet.upcast(1, v1)).toEqual({ ...v1, measure: { kind: 'milestones' }, horizon: 'short-term' });
    expect(goalSet.upcast(1, { ...v1, measure: 'percent' }).measure).toEqual({
      kind: 'metric',
      baseline: 0,
      target: 100,
      unit: 'percent',
    });
    expect(goalSet.upcast(1, { ...v1, measure: 'yes-no' }).measure).toEqual({
      kind: 'metric',
      baseline: 0,
      target: 1,
      unit: 'yes-no',
    });
  });

  it('reads a v1 revision as one with an unspecified reason', () => {
    const v1 = fixture('goals.goal.revised', 1);
    expect(goalRevised.upcast(1, v1)).toEqual({ ...v1, reason: 'unspecified' });
  });

  it('keeps v1 progress and completions as they were (the new figures were unknown then)', () => {
    const progress = fixture('goals.goal.progress-recorded', 1);
    expect(goalProgressRecorded.upcast(1, progress)).toEqual(progress);
    const completed = fixture('goals.goal.completed', 1);
    expect(goalCompleted.upcast(1, completed)).toEqual(completed);
  });
});
