import type { TandemEvent } from '@tandem/events';
import { foldProgramFacts, programFactOf } from './program-facts';
import {
  foldRelationshipFacts,
  membersOf,
  relationshipFactOf,
  type RelationshipFact,
} from './relationship-facts';

const ref = { relationshipId: 'r-1', programId: 'p-1' };
const history: TandemEvent[] = [
  {
    type: 'matching.relationship.proposed',
    data: {
      ...ref,
      mentorIds: ['m-1'],
      menteeIds: ['e-1', 'e-2'],
      score: 80,
      source: 'admin',
      expiresAt: '2026-02-01T00:00:00.000Z',
    },
  },
  {
    type: 'matching.relationship.started',
    data: { ...ref, mentorIds: ['m-1'], menteeIds: ['e-1', 'e-2'], startedAt: '2026-01-02T00:00:00.000Z' },
  },
  { type: 'matching.relationship.agreement-recorded', data: { ...ref, by: 'e-1', sessionsPerMonth: 4 } },
  { type: 'matching.relationship.paused', data: { ...ref, by: 'm-1', reason: 'holiday' } },
  { type: 'matching.relationship.resumed', data: { ...ref, by: 'm-1' } },
];
const factsOf = (events: readonly TandemEvent[], versions: readonly number[]) =>
  Object.fromEntries(
    versions.map((v) => [
      String(v),
      relationshipFactOf(events[v - 1] as TandemEvent, `2026-01-0${v}T12:00:00.000Z`) as RelationshipFact,
    ]),
  );

describe('known relationship facts', () => {
  it('folds to the same state whatever order the facts were stored in', () => {
    const inOrder = foldRelationshipFacts(factsOf(history, [1, 2, 3, 4, 5]));
    expect(inOrder).toEqual({
      status: 'active',
      mentorIds: ['m-1'],
      menteeIds: ['e-1', 'e-2'],
      activeSince: '2026-01-05T12:00:00.000Z',
      agreedSessionsPerMonth: 4,
    });
    expect(foldRelationshipFacts(factsOf(history, [5, 3, 1, 4, 2]))).toEqual(inOrder);
    expect(membersOf(inOrder)).toEqual(['m-1', 'e-1', 'e-2']);
  });

  it('treats an end as final even before earlier facts arrive', () => {
    const ended: TandemEvent = {
      type: 'matching.relationship.ended',
      data: { ...ref, by: 'm-1', reason: 'completed' },
    };
    const events = [...history, ended];
    expect(foldRelationshipFacts(factsOf(events, [6])).status).toBe('ended');
    expect(foldRelationshipFacts(factsOf(events, [6, 2, 4])).status).toBe('ended');
    expect(foldRelationshipFacts(factsOf(events, [1, 2, 3, 4])).status).toBe('paused');
  });

  it('ignores events it has no use for', () => {
    expect(
      relationshipFactOf(
        { type: 'matching.relationship.accepted', data: { ...ref, participantId: 'e-1' } },
        'x',
      ),
    ).toBeUndefined();
  });

  it('keeps the newest cadence and admins of a program', () => {
    const created = programFactOf({
      type: 'matching.program.created',
      data: {
        programId: 'p-1',
        by: 'a-1',
        programType: 'group',
        settings: {
          matchingMode: 'admin-bulk',
          mentorsPerMentee: 1,
          defaultMentorCapacity: 2,
          minimumScore: 0,
          criteriaWeights: {},
          sessionsPerMonth: 2,
          hardRules: {
            excludeSameDepartment: false,
            excludeOwnManager: true,
            excludePreviousPairs: true,
            requireCommonLanguage: true,
          },
          questions: [],
          acceptance: 'both-parties',
          proposalTtlDays: 14,
          adminIds: ['a-1'],
        },
      },
    });
    const updated = programFactOf({
      type: 'matching.program.updated',
      data: { programId: 'p-1', by: 'a-1', changes: { sessionsPerMonth: 1 } },
    });
    const expected = { sessionsPerMonth: 1, adminIds: ['a-1'] };
    expect(foldProgramFacts({ '1': created!, '2': updated! })).toEqual(expected);
    expect(foldProgramFacts({ '2': updated!, '1': created! })).toEqual(expected);
  });
});
