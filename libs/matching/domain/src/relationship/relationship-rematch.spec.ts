import type { TandemEvent } from '@tandem/events';
import { given } from '@tandem/kernel';
import { relationshipDecider } from './relationship-decider';
import { pickRematchMentor, type RematchCandidate } from './relationship-rematch';

const ref = { relationshipId: 'r-1', programId: 'p-1' };
const history: TandemEvent[] = [
  {
    type: 'matching.relationship.proposed',
    data: {
      ...ref,
      mentorIds: ['mentor-old'],
      menteeIds: ['mentee'],
      score: 70,
      source: 'match-run',
      expiresAt: '2026-12-01T00:00:00.000Z',
    },
  },
  {
    type: 'matching.relationship.started',
    data: { ...ref, mentorIds: ['mentor-old'], menteeIds: ['mentee'], startedAt: '2026-11-01T00:00:00.000Z' },
  },
  { type: 'matching.relationship.ended', data: { ...ref, by: 'mentee', reason: 'mismatch' } },
];
const requested: TandemEvent = {
  type: 'matching.relationship.rematch-requested',
  data: { ...ref, by: 'mentee', reason: 'not-a-good-fit' },
};
const rematch = (mentorIds: string[], asAdmin = true) =>
  ({
    type: 'propose-rematch',
    by: 'admin',
    asAdmin,
    newRelationshipId: 'r-2',
    mentorIds,
    score: 64,
  }) as const;

describe('a re-match', () => {
  it('answers a request once, with another mentor, by an admin', () => {
    const queued = given(relationshipDecider, [...history, requested]);
    const events = queued.when(rematch(['mentor-new'])).then();
    expect(events).toEqual([
      {
        type: 'matching.relationship.rematch-proposed',
        data: { ...ref, by: 'admin', newRelationshipId: 'r-2', mentorIds: ['mentor-new'], score: 64 },
      },
    ]);
    expect(
      given(relationshipDecider, [...history, requested, ...events])
        .when(rematch(['mentor-other']))
        .thenRefuses(),
    ).toMatchObject({
      code: 'rematch-already-proposed',
    });
  });

  it('refuses the previous mentor, a participant, and a relationship whose mentee asked for none', () => {
    const queued = given(relationshipDecider, [...history, requested]);
    expect(queued.when(rematch(['mentor-old'])).thenRefuses()).toMatchObject({
      code: 'previous-mentor-excluded',
    });
    expect(queued.when(rematch(['mentor-new'], false)).thenRefuses()).toMatchObject({
      code: 'admin-only',
      kind: 'forbidden',
    });
    expect(
      given(relationshipDecider, history)
        .when(rematch(['mentor-new']))
        .thenRefuses(),
    ).toMatchObject({ code: 'no-rematch-requested' });
  });

  it('picks the best eligible mentor with room, never the previous one', () => {
    const candidate = (
      participantId: string,
      userId: string,
      score: number,
      extra: Partial<RematchCandidate> = {},
    ) => ({
      participantId,
      userId,
      score,
      eligible: true,
      remainingCapacity: 1,
      ...extra,
    });
    const candidates = [
      candidate('p-old', 'mentor-old', 95),
      candidate('p-full', 'mentor-full', 90, { remainingCapacity: 0 }),
      candidate('p-excluded', 'mentor-excluded', 85, { eligible: false }),
      candidate('p-b', 'mentor-b', 70),
      candidate('p-a', 'mentor-a', 70),
      candidate('p-low', 'mentor-low', 20),
    ];
    expect(pickRematchMentor(candidates, ['mentor-old'], 30)?.userId).toBe('mentor-a');
    expect(pickRematchMentor(candidates.slice(0, 3), ['mentor-old'], 30)).toBeUndefined();
  });
});
