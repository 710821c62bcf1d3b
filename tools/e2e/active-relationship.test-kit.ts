import { waitFor } from '@tandem/testing';
import type { Platform } from './platform.test-kit';

export interface ActiveRelationship {
  readonly programId: string;
  readonly relationshipId: string;
  readonly mentorId: string;
  readonly menteeId: string;
}

/** One mentor and one mentee matched, published, launched and accepted through matching's public API. */
export async function activeRelationship(platform: Platform, tenant: string): Promise<ActiveRelationship> {
  const admin = platform.client('matching', tenant, 'admin-1', ['program-admin']);
  const expectStatus = async (
    call: Promise<{ status: number; body: unknown }>,
    status: number,
    what: string,
  ) => {
    const response = await call;
    if (response.status !== status)
      throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Record<string, unknown>;
  };
  const program = await expectStatus(
    admin.post('/programs', {
      name: 'Crash test program',
      type: 'one-to-one',
      settings: {
        defaultMentorCapacity: 1,
        criteriaWeights: { skills: 100 },
        hardRules: {
          excludeSameDepartment: false,
          excludeOwnManager: true,
          excludePreviousPairs: true,
          requireCommonLanguage: false,
        },
      },
    }),
    201,
    'create program',
  );
  const programId = program['programId'] as string;
  await expectStatus(admin.post(`/programs/${programId}/open-enrolment`), 200, 'open enrolment');
  const mentorId = 'mentor-1';
  const menteeId = 'mentee-1';
  await expectStatus(
    admin.post(`/programs/${programId}/participants`, {
      userId: mentorId,
      roles: ['mentor'],
      profile: { skillsOffered: ['design'] },
    }),
    201,
    'enrol mentor',
  );
  await expectStatus(
    admin.post(`/programs/${programId}/participants`, {
      userId: menteeId,
      roles: ['mentee'],
      profile: { skillsSought: ['design'] },
    }),
    201,
    'enrol mentee',
  );
  await expectStatus(admin.post(`/programs/${programId}/close-enrolment`), 200, 'close enrolment');
  const run = await expectStatus(admin.post(`/programs/${programId}/match-runs`, {}), 201, 'match run');
  await expectStatus(
    admin.post(`/programs/${programId}/match-runs/${run['runId'] as string}/publish`),
    200,
    'publish',
  );
  await expectStatus(admin.post(`/programs/${programId}/launch`), 200, 'launch');
  // Publishing may propose the pairs asynchronously (a process manager): wait for the proposal.
  const relationship = await waitFor(
    async () => {
      const listed = await expectStatus(
        admin.get(`/relationships?programId=${programId}`),
        200,
        'list relationships',
      );
      return (listed['items'] as { relationshipId: string }[])[0];
    },
    { timeoutMs: 30_000, intervalMs: 200, description: 'the published match run to propose the pair' },
  );
  for (const party of [menteeId, mentorId]) {
    await expectStatus(
      platform
        .client('matching', tenant, party, ['participant'])
        .post(`/relationships/${relationship.relationshipId}/accept`),
      200,
      `${party} accepts`,
    );
  }
  return { programId, relationshipId: relationship.relationshipId, mentorId, menteeId };
}
