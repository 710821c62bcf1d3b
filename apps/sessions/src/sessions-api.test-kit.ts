import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tandem/events';
import { startServiceApi, testEnvelope, type ServiceApi } from '@tandem/runtime/testing';
import { sessionsService } from './sessions.module';

export type { ApiClient } from '@tandem/runtime/testing';

/** The sessions service on the real local Kafka and MongoDB-compatible server, reading its own topic into `events`. */
export function startSessionsApi(): Promise<ServiceApi> {
  return startServiceApi(sessionsService, { consumeContexts: ['sessions'] });
}

export interface RelationshipFixture {
  readonly tenantId: string;
  readonly programId: string;
  readonly relationshipId: string;
  readonly mentorIds: string[];
  readonly menteeIds: string[];
  /** The first mentor and mentee, for pairs. */
  readonly mentorId: string;
  readonly menteeId: string;
}

/** A pair, or with `menteeCount` a group of one mentor and several mentees, under fresh ids. */
export function relationshipFixture(tenantId: string, menteeCount = 1): RelationshipFixture {
  const id = randomUUID().slice(0, 8);
  const mentorId = `mentor-${id}`;
  const menteeIds = Array.from({ length: menteeCount }, (_, i) => `mentee${i === 0 ? '' : i + 1}-${id}`);
  return {
    tenantId,
    programId: `p-${id}`,
    relationshipId: `r-${id}`,
    mentorIds: [mentorId],
    menteeIds,
    mentorId,
    menteeId: `mentee-${id}`,
  };
}

/** matching.program.created as matching's relay would publish it. */
export function programCreated(
  f: RelationshipFixture,
  adminIds: string[],
  sessionsPerMonth = 2,
): EventEnvelope {
  // testEnvelope stamps schema version 1; this is the data of version 2 (settings.adminIds).
  const envelope = testEnvelope(
    'matching.program.created',
    {
      programId: f.programId,
      by: adminIds[0] ?? 'admin-1',
      programType: f.menteeIds.length > 1 ? 'group' : 'one-to-one',
      settings: {
        matchingMode: 'admin-bulk',
        mentorsPerMentee: 1,
        defaultMentorCapacity: 3,
        minimumScore: 0,
        criteriaWeights: {},
        sessionsPerMonth,
        hardRules: {
          excludeSameDepartment: false,
          excludeOwnManager: true,
          excludePreviousPairs: true,
          requireCommonLanguage: true,
        },
        questions: [],
        acceptance: 'both-parties',
        proposalTtlDays: 14,
        adminIds,
      },
    },
    { tenantId: f.tenantId, streamId: `program-${f.programId}`, streamVersion: 1 },
  );
  return { ...envelope, version: 2 } as EventEnvelope;
}

type Step = 'proposed' | 'started' | 'paused' | 'resumed' | 'ended';

/** A relationship's stream from matching, one envelope per step, numbered in the order given. */
export function relationshipStream(
  f: RelationshipFixture,
  steps: readonly Step[],
  startedAt = new Date().toISOString(),
): EventEnvelope[] {
  const ref = { relationshipId: f.relationshipId, programId: f.programId };
  const by = f.mentorId;
  const stream = { tenantId: f.tenantId, streamId: `relationship-${f.relationshipId}` };
  return steps.map((step, index) => {
    const at = { ...stream, streamVersion: index + 1 };
    switch (step) {
      case 'proposed':
        return testEnvelope(
          'matching.relationship.proposed',
          {
            ...ref,
            mentorIds: f.mentorIds,
            menteeIds: f.menteeIds,
            score: 70,
            source: 'admin',
            expiresAt: '2030-01-01T00:00:00.000Z',
          },
          at,
        );
      case 'started':
        return testEnvelope(
          'matching.relationship.started',
          { ...ref, mentorIds: f.mentorIds, menteeIds: f.menteeIds, startedAt },
          at,
        );
      case 'paused':
        return testEnvelope('matching.relationship.paused', { ...ref, by, reason: 'holiday' }, at);
      case 'resumed':
        return testEnvelope('matching.relationship.resumed', { ...ref, by }, at);
      case 'ended':
        return testEnvelope('matching.relationship.ended', { ...ref, by, reason: 'completed' }, at);
      default: {
        const exhaustive: never = step;
        return exhaustive;
      }
    }
  });
}
