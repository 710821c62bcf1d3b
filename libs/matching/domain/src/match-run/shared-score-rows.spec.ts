import { NOT_ALLOWED } from '../solver/assignment-problem';
import { cachedScores } from './score-cache';
import { createSharedScoreRows, ROWS_PER_BLOCK, ScoreRowsClaims } from './shared-score-rows';

describe('shared score rows', () => {
  const mentees = ROWS_PER_BLOCK * 4 + 3;
  const mentors = 5;
  const hundredths = (i: number, j: number) =>
    (i * 31 + j * 17) % 7 === 0 ? NOT_ALLOWED : (i * 131 + j * 71) % 10_001;
  const score = (i: number, j: number) => {
    const h = hundredths(i, j);
    return h === NOT_ALLOWED ? null : h / 100;
  };
  /** A row function that records which rows it scored, on whichever "thread" it serves. */
  const recordingRows = (scored: number[]) => (i: number, out: Int32Array) => {
    scored.push(i);
    for (let j = 0; j < mentors; j++) out[j] = hundredths(i, j);
  };
  const readAll = (cached: ReturnType<typeof cachedScores>) => {
    const out = new Int32Array(mentors);
    return Array.from({ length: mentees }, (_, i) => {
      (cached.scoreRowInHundredths as NonNullable<typeof cached.scoreRowInHundredths>)(i, out);
      return [...out];
    });
  };
  const expected = Array.from({ length: mentees }, (_, i) =>
    Array.from({ length: mentors }, (_, j) => hundredths(i, j)),
  );

  it('reads the rows another thread scored, and scores only the ones left, each row once', () => {
    const shared = createSharedScoreRows(mentees, mentors);
    const byRun: number[] = [];
    const cached = cachedScores(mentees, mentors, score, { scoreRow: recordingRows(byRun), shared });
    // The helper's view: it claims two blocks before the run reads (as a thread would while the run works).
    const byHelper: number[] = [];
    expect(new ScoreRowsClaims(shared, recordingRows(byHelper)).scoreUnclaimedBlocks(2)).toBe(2);

    expect(readAll(cached)).toEqual(expected);
    expect(cached.score(ROWS_PER_BLOCK + 1, 2)).toBe(score(ROWS_PER_BLOCK + 1, 2));
    expect(byHelper).toHaveLength(2 * ROWS_PER_BLOCK);
    expect(new Set([...byHelper, ...byRun]).size).toBe(mentees);
    expect(byHelper.length + byRun.length).toBe(mentees);
    // Nothing is left for a helper that comes late.
    expect(new ScoreRowsClaims(shared, recordingRows([])).scoreUnclaimedBlocks()).toBe(0);
  });

  it('scores a block itself when the thread that claimed it never finishes (it died)', () => {
    const shared = createSharedScoreRows(mentees, mentors);
    const byRun: number[] = [];
    const cached = cachedScores(mentees, mentors, score, { scoreRow: recordingRows(byRun), shared });
    Atomics.add(new Int32Array(shared.control), 0, 1); // block 0 claimed by a thread that then died

    expect(readAll(cached)).toEqual(expected);
    expect([...byRun].sort((a, b) => a - b)).toEqual(Array.from({ length: mentees }, (_, i) => i));
  });

  it('lets helpers wait until the run starts, then score what is unclaimed', () => {
    const shared = createSharedScoreRows(mentees, mentors);
    const control = new Int32Array(shared.control);
    const run = new ScoreRowsClaims(shared, recordingRows([]));
    expect(Atomics.wait(control, 1, 0, 1)).toBe('timed-out'); // not started: a helper would wait
    run.start();
    const byHelper: number[] = [];
    const helper = new ScoreRowsClaims(shared, recordingRows(byHelper));
    helper.awaitStart();
    expect(helper.scoreUnclaimedBlocks()).toBe(Math.ceil(mentees / ROWS_PER_BLOCK));
    expect(byHelper).toHaveLength(mentees);
  });

  it('is not used for a cache of another size', () => {
    const shared = createSharedScoreRows(mentees + 1, mentors);
    const cached = cachedScores(mentees, mentors, score, { scoreRow: recordingRows([]), shared });
    expect(readAll(cached)).toEqual(expected);
    expect(new Int16Array(shared.cache).every((entry) => entry === -1)).toBe(true);
  });
});
