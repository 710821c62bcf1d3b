import type { EventEnvelope, TandemEvent } from '@tandem/events';
import { evolveRelationshipView, type RelationshipState } from './relationship-view';

const ref = { relationshipId: 'r-1', programId: 'p-1' };
const history: TandemEvent[] = [
  {
    type: 'matching.relationship.proposed',
    data: {
      ...ref,
      mentorIds: ['m'],
      menteeIds: ['e'],
      score: 70,
      source: 'admin',
      expiresAt: '2026-12-01T00:00:00.000Z',
    },
  },
  {
    type: 'matching.relationship.started',
    data: { ...ref, mentorIds: ['m'], menteeIds: ['e'], startedAt: '2026-11-23T00:00:00.000Z' },
  },
];
const version = (n: number, by: string): TandemEvent => ({
  type: 'matching.relationship.agreement-proposed',
  data: {
    ...ref,
    by,
    agreementVersion: n,
    sessionsPerMonth: 2,
    channel: 'video',
    confidentiality: 'pair-only',
    availability: [],
  },
});
const confirmed = (n: number, by: string): TandemEvent => ({
  type: 'matching.relationship.agreement-confirmed',
  data: { ...ref, by, agreementVersion: n },
});

function viewOf(events: TandemEvent[]): RelationshipState {
  return events.reduce<RelationshipState | undefined>(
    (view, event, i) =>
      evolveRelationshipView(view, {
        ...event,
        version: 1,
        metadata: {
          id: `e-${i}`,
          source: '/tandem/matching',
          time: `2026-11-2${i % 10}T10:00:00.000Z`,
          tenantId: 'acme',
          streamId: 'relationship-r-1',
          streamVersion: i + 1,
        },
      } as EventEnvelope),
    undefined,
  ) as RelationshipState;
}

describe('the relationships read model', () => {
  it('shows the agreement agreed only while every party confirmed its current version', () => {
    const agreed = [...history, version(1, 'e'), confirmed(1, 'e'), confirmed(1, 'm')];
    expect(viewOf(agreed).agreement).toMatchObject({
      version: 1,
      status: 'agreed',
      proposedBy: 'e',
      confirmedBy: ['e', 'm'],
    });
    const changed = [...agreed, version(2, 'm'), confirmed(2, 'm')];
    expect(viewOf(changed).agreement).toMatchObject({ version: 2, status: 'proposed', confirmedBy: ['m'] });
    // A confirmation of a replaced version changes nothing.
    expect(viewOf([...changed, confirmed(1, 'e')]).agreement).toMatchObject({
      version: 2,
      confirmedBy: ['m'],
    });
  });

  it('queues a re-match when asked for and marks it proposed when answered', () => {
    const ended: TandemEvent[] = [
      ...history,
      { type: 'matching.relationship.ended', data: { ...ref, by: 'e', reason: 'mismatch' } },
      {
        type: 'matching.relationship.rematch-requested',
        data: { ...ref, by: 'e', reason: 'not-a-good-fit' },
      },
    ];
    expect(viewOf(ended).rematch).toEqual({
      status: 'queued',
      requestedBy: 'e',
      requestedAt: '2026-11-23T10:00:00.000Z',
    });
    const answered = viewOf([
      ...ended,
      {
        type: 'matching.relationship.rematch-proposed',
        data: { ...ref, by: 'a', newRelationshipId: 'r-2', mentorIds: ['m2'], score: 50 },
      },
    ]);
    expect(answered.rematch).toMatchObject({ status: 'proposed', newRelationshipId: 'r-2' });
  });
});
