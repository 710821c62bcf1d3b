import type { EventEnvelope, TandemEvent } from '@tandem/events';
import { evolveMatchRunView, type MatchRunState } from './match-run-view';
import { evolveParticipantView } from './participant-view';
import { evolveProgramView } from './program-view';
import { evolveRelationshipView } from './relationship-view';

/** Events of one stream as the store numbers them. */
function streamOf(streamId: string, events: TandemEvent[]): EventEnvelope[] {
  return events.map(
    (event, i) =>
      ({
        ...event,
        version: 1,
        metadata: {
          id: `e-${i}`,
          source: '/tandem/matching',
          time: '2026-11-22T10:00:00.000Z',
          tenantId: 'acme',
          streamId,
          streamVersion: i + 1,
        },
      }) as EventEnvelope,
  );
}

const fold = <S>(evolve: (s: S | undefined, e: EventEnvelope) => S, events: EventEnvelope[], from?: S) =>
  events.reduce<S | undefined>((s, e) => evolve(s, e), from) as S;

const ref = { relationshipId: 'r-1', programId: 'p-1' };

describe('read-model evolves', () => {
  it('shows a relationship from proposal to reflection, keeping the texts written beside it', () => {
    const events = streamOf('relationship-r-1', [
      {
        type: 'matching.relationship.proposed',
        data: {
          ...ref,
          mentorIds: ['m'],
          menteeIds: ['e'],
          score: 70,
          source: 'match-run',
          runId: 'run-1',
          expiresAt: '2026-12-01T00:00:00.000Z',
        },
      },
      { type: 'matching.relationship.accepted', data: { ...ref, participantId: 'e' } },
      { type: 'matching.relationship.accepted', data: { ...ref, participantId: 'm' } },
      {
        type: 'matching.relationship.started',
        data: { ...ref, mentorIds: ['m'], menteeIds: ['e'], startedAt: '2026-11-23T00:00:00.000Z' },
      },
    ]);
    const active = fold(evolveRelationshipView, events);
    expect(active).toMatchObject({
      tenantId: 'acme',
      version: 4,
      status: 'active',
      acceptedBy: ['e', 'm'],
      runId: 'run-1',
      agreedBy: [],
    });
    const withText = {
      ...active,
      agreements: {
        e: {
          scope: 'x',
          preferredChannel: 'video' as const,
          sessionsPerMonth: 2,
          confidentialityAcknowledged: true as const,
        },
      },
    };
    const later = streamOf('relationship-r-1', [
      ...events,
      { type: 'matching.relationship.agreement-recorded', data: { ...ref, by: 'e', sessionsPerMonth: 2 } },
      { type: 'matching.relationship.ended', data: { ...ref, by: 'e', reason: 'mismatch' } },
      {
        type: 'matching.relationship.reflection-submitted',
        data: { ...ref, participantId: 'e', rating: 3, skillsGained: [] },
      },
    ]).slice(4);
    expect(fold(evolveRelationshipView, later, withText)).toMatchObject({
      version: 7,
      status: 'ended',
      endReason: 'mismatch',
      agreedBy: ['e'],
      reflectedBy: ['e'],
      agreements: withText.agreements,
    });
  });

  it('keeps a program’s texts and merges its settings changes', () => {
    const texts = {
      tenantId: 'acme',
      programId: 'p-1',
      name: 'Leaders',
      createdAt: '2026-11-01',
      version: 0,
    };
    const settings = { minimumScore: 40, sessionsPerMonth: 2 } as never;
    const program = fold(
      evolveProgramView,
      streamOf('program-p-1', [
        {
          type: 'matching.program.created',
          data: { programId: 'p-1', by: 'a', programType: 'one-to-one', settings },
        },
        {
          type: 'matching.program.updated',
          data: { programId: 'p-1', by: 'a', changes: { minimumScore: 55 } },
        },
        { type: 'matching.program.enrolment-opened', data: { programId: 'p-1', by: 'a' } },
      ]),
      texts,
    );
    expect(program).toMatchObject({
      name: 'Leaders',
      version: 3,
      status: 'enrolment-open',
      settings: { minimumScore: 55, sessionsPerMonth: 2 },
    });
  });

  it('gives a participant enrolled again the new roles and capacity, keeping the profile', () => {
    const enrolled = (roles: ('mentor' | 'mentee')[], capacity?: number): TandemEvent => ({
      type: 'matching.participant.enrolled',
      data: {
        programId: 'p-1',
        participantId: 'pt-1',
        userId: 'u-1',
        roles,
        ...(capacity === undefined ? {} : { capacity }),
        facets: {},
      },
    });
    const profile = { languages: ['fr'], skillsOffered: [], skillsSought: [], focusAreas: [], answers: {} };
    const participant = fold(
      evolveParticipantView,
      streamOf('participant-pt-1', [
        enrolled(['mentor'], 3),
        {
          type: 'matching.participant.withdrew',
          data: { programId: 'p-1', participantId: 'pt-1', reason: 'other' },
        },
        enrolled(['mentee']),
      ]),
      {
        tenantId: 'acme',
        participantId: 'pt-1',
        programId: 'p-1',
        userId: 'u-1',
        profile,
        enrolledAt: '2026-11-01',
        version: 0,
      },
    );
    expect(participant).toMatchObject({ version: 3, status: 'enrolled', roles: ['mentee'], profile });
    expect(participant).not.toHaveProperty('capacity');
  });

  it('marks a run published with its relationships, and refuses events for a document never written', () => {
    const run = {
      tenantId: 'acme',
      runId: 'run-1',
      programId: 'p-1',
      version: 0,
      pairs: [],
    } as unknown as MatchRunState;
    const [completed, published] = streamOf('match-run-run-1', [
      {
        type: 'matching.match-run.completed',
        data: {
          programId: 'p-1',
          runId: 'run-1',
          proposedPairs: 1,
          unmatchedMentees: 0,
          totalScore: 70,
          optimal: true,
        },
      },
      {
        type: 'matching.match-run.published',
        data: { programId: 'p-1', runId: 'run-1', by: 'a', relationshipIds: ['r-1'] },
      },
    ]);
    expect(fold(evolveMatchRunView, [completed!, published!], run)).toMatchObject({
      version: 2,
      status: 'published',
      relationshipIds: ['r-1'],
    });
    expect(() => evolveMatchRunView(undefined, completed!)).toThrow(/before its document exists/);
    expect(() =>
      evolveRelationshipView(
        undefined,
        streamOf('relationship-r-1', [{ type: 'matching.relationship.expired', data: ref }])[0]!,
      ),
    ).toThrow(/before its document exists/);
  });
});
