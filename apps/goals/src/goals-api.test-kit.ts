import { randomUUID } from 'node:crypto';
import type { EventData, EventEnvelope } from '@tandem/events';
import { MongoConnection } from '@tandem/runtime';
import { startServiceApi, testEnvelope, type ServiceApi } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import { goalsService } from './goals.module';

export type { ApiClient } from '@tandem/runtime/testing';

/** The goals service on the real local Kafka and MongoDB-compatible server, reading its own topic into `events`. */
export function startGoalsApi(): Promise<ServiceApi> {
  return startServiceApi(goalsService, { consumeContexts: ['goals'] });
}

/** A day `days` from today (UTC), as a due date. */
export const dayFromToday = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Matching's events for one program and its relationships, as matching's relay would publish them. */
export function matchingEvents(tenantId: string, programId = `p-${randomUUID()}`, adminIds = ['admin-1']) {
  const programCreated = (): EventEnvelope => {
    const data: EventData<'matching.program.created'> = {
      programId,
      by: adminIds[0]!,
      programType: 'one-to-one',
      settings: {
        matchingMode: 'hybrid',
        mentorsPerMentee: 1,
        defaultMentorCapacity: 2,
        minimumScore: 40,
        criteriaWeights: { skills: 40 },
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
        adminIds,
      },
    };
    // Version 2 is the newest shape of program.created (testEnvelope writes version 1).
    return {
      ...testEnvelope('matching.program.created', data, {
        tenantId,
        streamId: `program-${programId}`,
        streamVersion: 1,
      }),
      version: 2,
    };
  };
  const relationship = (relationshipId: string, mentorIds: string[], menteeIds: string[]) => {
    const at = (streamVersion: number) => ({
      tenantId,
      streamId: `relationship-${relationshipId}`,
      streamVersion,
    });
    const ref = { relationshipId, programId };
    return {
      started: (): EventEnvelope =>
        testEnvelope(
          'matching.relationship.started',
          { ...ref, mentorIds, menteeIds, startedAt: new Date().toISOString() },
          at(2),
        ),
      paused: (): EventEnvelope =>
        testEnvelope(
          'matching.relationship.paused',
          { ...ref, by: mentorIds[0]!, reason: 'parental-leave' },
          at(3),
        ),
      ended: (streamVersion = 3): EventEnvelope =>
        testEnvelope(
          'matching.relationship.ended',
          { ...ref, by: menteeIds[0]!, reason: 'completed' },
          at(streamVersion),
        ),
    };
  };
  return { programId, programCreated, relationship };
}

/** Waits until the goals service knows the relationship in the given status (learned from matching's topic). */
export async function relationshipKnown(
  api: ServiceApi,
  tenantId: string,
  relationshipId: string,
  status: string,
): Promise<void> {
  const facts = api.app.get(MongoConnection).db.collection('relationship_facts');
  await waitFor(
    async () =>
      (await facts.findOne({ _id: `${tenantId}/${relationshipId}` } as never))?.['status'] === status,
    {
      description: `relationship ${relationshipId} ${status}`,
      timeoutMs: 90_000,
    },
  );
}

export async function programKnown(api: ServiceApi, tenantId: string, programId: string): Promise<void> {
  const facts = api.app.get(MongoConnection).db.collection('program_facts');
  await waitFor(async () => (await facts.findOne({ _id: `${tenantId}/${programId}` } as never)) !== null, {
    description: `program ${programId}`,
    timeoutMs: 90_000,
  });
}

/** Goals events of one goal seen on the goals topic, by type. */
export const eventsOf = (api: ServiceApi, goalId: string, type?: string) =>
  api.events.filter((e) => (e.data as { goalId?: string }).goalId === goalId && (!type || e.type === type));

/**
 * A goals API that has learned, from matching's events, one program of `tenantId` and one active
 * relationship in it between mentor-1 and mentee-1.
 */
export async function startGoalsApiWithPair(tenantId: string, relationshipId: string): Promise<ServiceApi> {
  const api = await startGoalsApi();
  const matching = matchingEvents(tenantId);
  const pair = matching.relationship(relationshipId, ['mentor-1'], ['mentee-1']);
  await api.publish([matching.programCreated(), pair.started()]);
  await Promise.all([
    programKnown(api, tenantId, matching.programId),
    relationshipKnown(api, tenantId, relationshipId, 'active'),
  ]);
  return api;
}

/** The body of `POST /goals` for a metric goal from 0 to 10 `unit`, due in 30 days. */
export const metricGoal = (relationshipId: string, title: string, unit: string) => ({
  relationshipId,
  title,
  description: `${title}, ten times`,
  measure: { kind: 'metric', baseline: 0, target: 10, unit },
  relevance: 'practice',
  dueDate: dayFromToday(30),
});
