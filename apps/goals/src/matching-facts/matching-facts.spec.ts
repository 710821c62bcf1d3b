import { testEnvelope } from '@tandem/runtime/testing';
import { evolveProgramFacts } from './program-facts';
import { evolveRelationshipFacts } from './relationship-facts';

const tenantId = 'acme';
const ref = { relationshipId: 'r-1', programId: 'p-1' };
const at = (streamVersion: number) => ({ tenantId, streamId: 'relationship-r-1', streamVersion });

describe('what goals learns from matching’s events', () => {
  it('takes the parties from "started" and the status from each lifecycle fact', () => {
    const started = evolveRelationshipFacts(
      undefined,
      testEnvelope(
        'matching.relationship.started',
        { ...ref, mentorIds: ['mentor'], menteeIds: ['mentee'], startedAt: '2026-03-01T00:00:00.000Z' },
        at(2),
      ),
    );
    expect(started).toEqual({
      tenantId,
      ...ref,
      status: 'active',
      mentorIds: ['mentor'],
      menteeIds: ['mentee'],
    });
    const paused = evolveRelationshipFacts(
      started,
      testEnvelope('matching.relationship.paused', { ...ref, by: 'mentor', reason: 'leave' }, at(3)),
    );
    expect(paused).toMatchObject({ status: 'paused', mentorIds: ['mentor'] });
    const agreed = evolveRelationshipFacts(
      paused,
      testEnvelope(
        'matching.relationship.agreement-recorded',
        { ...ref, by: 'mentor', sessionsPerMonth: 2 },
        at(4),
      ),
    );
    expect(agreed).toEqual(paused);
    expect(
      evolveRelationshipFacts(
        agreed,
        testEnvelope('matching.relationship.ended', { ...ref, by: 'mentee', reason: 'completed' }, at(5)),
      ).status,
    ).toBe('ended');
  });

  it('knows a program’s admins from created and updated, keeping them when an update does not name them', () => {
    const created = evolveProgramFacts(undefined, {
      ...testEnvelope(
        'matching.program.created',
        {
          programId: 'p-1',
          by: 'a-1',
          programType: 'one-to-one',
          settings: {
            matchingMode: 'hybrid',
            mentorsPerMentee: 1,
            defaultMentorCapacity: 2,
            minimumScore: 40,
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
        { tenantId, streamId: 'program-p-1', streamVersion: 1 },
      ),
      version: 2,
    });
    expect(created).toEqual({ tenantId, programId: 'p-1', adminIds: ['a-1'] });
    const update = (changes: object, streamVersion: number) =>
      testEnvelope(
        'matching.program.updated',
        { programId: 'p-1', by: 'a-1', changes },
        { tenantId, streamId: 'program-p-1', streamVersion },
      );
    expect(evolveProgramFacts(created, update({ sessionsPerMonth: 3 }, 2)).adminIds).toEqual(['a-1']);
    expect(evolveProgramFacts(created, update({ adminIds: ['a-1', 'a-2'] }, 3)).adminIds).toEqual([
      'a-1',
      'a-2',
    ]);
  });
});
