import type { TandemEvent } from '@tandem/events';
import { given } from '@tandem/kernel';
import { matchRunDecider } from './match-run-decider';

const completed: TandemEvent = {
  type: 'matching.match-run.completed',
  data: {
    programId: 'p-1',
    runId: 'r-1',
    proposedPairs: 5,
    unmatchedMentees: 0,
    totalScore: 400,
    optimal: true,
  },
};
const publish = (programStatus = 'active') =>
  ({ type: 'publish-run', by: 'admin-1', relationshipIds: ['rel-a', 'rel-b'], programStatus }) as const;

describe('match run lifecycle', () => {
  it('given a draft, publishing names the relationships it proposes (a group counts once)', () => {
    expect(given(matchRunDecider, [completed]).when(publish()).then()).toEqual([
      {
        type: 'matching.match-run.published',
        data: { programId: 'p-1', runId: 'r-1', by: 'admin-1', relationshipIds: ['rel-a', 'rel-b'] },
      },
    ]);
  });

  it('publishes a draft once, never an unknown run, never in a closed program', () => {
    const published = given(matchRunDecider, [completed]).when(publish()).then();
    expect(
      given(matchRunDecider, [completed, ...published])
        .when(publish())
        .thenRefuses(),
    ).toMatchObject({
      code: 'run-published',
    });
    expect(given(matchRunDecider, []).when(publish()).thenRefuses()).toMatchObject({
      code: 'run-not-found',
      kind: 'not-found',
    });
    expect(given(matchRunDecider, [completed]).when(publish('closed')).thenRefuses()).toMatchObject({
      code: 'program-not-matching',
    });
  });
});
