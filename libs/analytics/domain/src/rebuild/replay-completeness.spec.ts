import { MAX_MISSING_SHOWN, missingVersionsOf, replayCompleteness } from './replay-completeness';

const partition = (firstOffset: number) => ({ topic: 'tandem.goals.events', partition: 0, firstOffset });
const stream = (streamId: string, versions: number[]) => ({ tenantId: 'acme', streamId, versions });

describe('replay completeness', () => {
  it('is complete when every partition starts at offset 0 and every stream at version 1 without a gap', () => {
    expect(replayCompleteness([partition(0)], [stream('g-1', [2, 1, 3, 2]), stream('g-2', [1])])).toEqual({
      complete: true,
    });
  });

  it('names a stream that starts after version 1 or has a gap, with the versions it lacks', () => {
    expect(replayCompleteness([partition(0)], [stream('g-1', [3, 4]), stream('g-2', [1, 2, 5])])).toEqual({
      complete: false,
      truncatedPartitions: [],
      incompleteStreams: [
        { tenantId: 'acme', streamId: 'g-1', missingVersions: [1, 2] },
        { tenantId: 'acme', streamId: 'g-2', missingVersions: [3, 4] },
      ],
    });
  });

  it('refuses a partition whose first records were deleted, even if every stream it still holds is whole', () => {
    expect(
      replayCompleteness([partition(0), { ...partition(7), partition: 1 }], [stream('g-1', [1])]),
    ).toEqual({
      complete: false,
      truncatedPartitions: [{ topic: 'tandem.goals.events', partition: 1, firstOffset: 7 }],
      incompleteStreams: [],
    });
  });

  it('lists only the first missing versions of a long gap', () => {
    expect(missingVersionsOf([1000])).toHaveLength(MAX_MISSING_SHOWN);
    expect(missingVersionsOf([])).toEqual([]);
  });
});
