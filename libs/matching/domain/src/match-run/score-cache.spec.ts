import { NOT_ALLOWED } from '../solver/assignment-problem';
import { cachedScores } from './score-cache';

describe('cachedScores', () => {
  const scoring = () => {
    const calls = new Map<string, number>();
    const score = (mentee: number, mentor: number): number | null => {
      calls.set(`${mentee},${mentor}`, (calls.get(`${mentee},${mentor}`) ?? 0) + 1);
      return (mentee + mentor) % 3 === 0 ? null : Math.round((mentee * 7.13 + mentor * 3.37) * 100) / 100;
    };
    return { calls, score };
  };

  it('scores each pair once and answers the same scores, exclusions included, every time after', () => {
    const { calls, score } = scoring();
    const { score: cached, scoreInHundredths } = cachedScores(4, 3, score);
    for (let round = 0; round < 3; round += 1)
      for (let i = 0; i < 4; i += 1) for (let j = 0; j < 3; j += 1) expect(cached(i, j)).toBe(score(i, j));
    // `score` itself was called once more per pair and round by the comparison above.
    for (const count of calls.values()) expect(count).toBe(1 + 3);
    expect(scoreInHundredths(1, 1)).toBe(Math.round((score(1, 1) as number) * 100));
    expect(scoreInHundredths(1, 2)).toBeNull();
  });

  it('keeps nothing past its size limit, and still refuses a score with more than 2 decimals', () => {
    const { calls, score } = scoring();
    const { score: uncached } = cachedScores(4, 3, score, { maxPairs: 11 });
    uncached(1, 1);
    uncached(1, 1);
    expect(calls.get('1,1')).toBe(2);
    expect(() => cachedScores(1, 1, () => 1.234).score(0, 0)).toThrow(/at most 2 decimals/);
  });

  it('scores a whole row at once when given rows, and answers rows and pairs alike', () => {
    const { score } = scoring();
    const rows: number[] = [];
    const scoreRow = (mentee: number, out: Int32Array) => {
      rows.push(mentee);
      for (let j = 0; j < 3; j += 1) {
        const value = score(mentee, j);
        out[j] = value === null ? NOT_ALLOWED : Math.round(value * 100);
      }
    };
    const cached = cachedScores(4, 3, score, { scoreRow });
    const row = new Int32Array(3);
    for (let i = 0; i < 4; i += 1) {
      (cached.scoreRowInHundredths as NonNullable<typeof cached.scoreRowInHundredths>)(i, row);
      for (let j = 0; j < 3; j += 1) {
        const value = score(i, j);
        expect(row[j]).toBe(value === null ? NOT_ALLOWED : Math.round(value * 100));
        expect(cached.score(i, j)).toBe(value);
      }
    }
    expect(cached.scoreInHundredths(0, 1)).toBe(Math.round((score(0, 1) as number) * 100));
    // Each row was computed once, however often its pairs and the row were read.
    expect(rows).toEqual([0, 1, 2, 3]);
  });

  it('past its size limit, passes rows through uncached', () => {
    const { score } = scoring();
    let rows = 0;
    const cached = cachedScores(4, 3, score, {
      maxPairs: 11,
      scoreRow: (_mentee, out) => {
        rows += 1;
        out.fill(5);
      },
    });
    const row = new Int32Array(3);
    cached.scoreRowInHundredths?.(2, row);
    cached.scoreRowInHundredths?.(2, row);
    expect([...row]).toEqual([5, 5, 5]);
    expect(rows).toBe(2);
  });

  it('past its size limit, keeps the upper bounds of each row as it passes, never below a score', () => {
    const { score } = scoring();
    let rows = 0;
    const scoreRow = (mentee: number, out: Int32Array) => {
      rows += 1;
      for (let j = 0; j < 3; j += 1) {
        const value = score(mentee, j);
        out[j] = value === null ? NOT_ALLOWED : Math.round(value * 100);
      }
    };
    const cached = cachedScores(4, 3, score, { maxPairs: 0, scoreRow });
    const row = new Int32Array(3);
    const bounds = new Int32Array(3);
    for (let i = 0; i < 4; i += 1) cached.scoreRowInHundredths?.(i, row);
    for (let i = 0; i < 4; i += 1) {
      cached.scoreRowUpperBoundsInHundredths?.(i, bounds);
      for (let j = 0; j < 3; j += 1) {
        const value = score(i, j);
        if (value === null) expect(bounds[j]).toBe(NOT_ALLOWED);
        else {
          expect(bounds[j]).toBeGreaterThanOrEqual(Math.round(value * 100));
          expect(bounds[j]).toBeLessThan(Math.round(value * 100) + 64);
        }
      }
    }
    // The bounds were kept from the rows the first pass scored: nothing was scored again.
    expect(rows).toBe(4);
  });
});
