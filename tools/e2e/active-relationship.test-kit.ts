import { waitFor } from '@tandem/testing';
import { expectStatus, type Platform } from './platform.test-kit';
import { completedMatchRun } from './match-run.test-kit';

export interface ActiveRelationship {
  readonly programId: string;
  readonly relationshipId: string;
  readonly mentorId: string;
  readonly menteeId: string;
}

/** One mentor and one mentee matched, published, launched and accepted through matching's public API. */
export async function activeRelationship(platform: Platform, tenant: string): Promise<ActiveRelationship> {
  const admin = platform.api('matching', tenant, 'admin-1', ['program-admin']);
  const { programId } = await expectStatus(
    admin.POST('/api/matching/v1/programs', {
      body: {
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
      },
    }),
    201,
    'create program',
  );
  const program = { params: { path: { programId } } };
  await expectStatus(
    admin.POST('/api/matching/v1/programs/{programId}/open-enrolment', program),
    200,
    'open enrolment',
  );
  const mentorId = 'mentor-1';
  const menteeId = 'mentee-1';
  await expectStatus(
    admin.POST('/api/matching/v1/programs/{programId}/participants', {
      ...program,
      body: { userId: mentorId, roles: ['mentor'], profile: { skillsOffered: ['design'] } },
    }),
    201,
    'enrol mentor',
  );
  await expectStatus(
    admin.POST('/api/matching/v1/programs/{programId}/participants', {
      ...program,
      body: { userId: menteeId, roles: ['mentee'], profile: { skillsSought: ['design'] } },
    }),
    201,
    'enrol mentee',
  );
  await expectStatus(
    admin.POST('/api/matching/v1/programs/{programId}/close-enrolment', program),
    200,
    'close enrolment',
  );
  const run = await completedMatchRun(admin, programId);
  await expectStatus(
    admin.POST('/api/matching/v1/programs/{programId}/match-runs/{runId}/publish', {
      params: { path: { programId, runId: run.runId } },
    }),
    200,
    'publish',
  );
  await expectStatus(admin.POST('/api/matching/v1/programs/{programId}/launch', program), 200, 'launch');
  // Publishing may propose the pairs asynchronously (a process manager): wait for the proposal.
  const relationship = await waitFor(
    async () => {
      const listed = await expectStatus(
        admin.GET('/api/matching/v1/relationships', { params: { query: { programId } } }),
        200,
        'list relationships',
      );
      return listed.items[0];
    },
    { timeoutMs: 30_000, intervalMs: 200, description: 'the published match run to propose the pair' },
  );
  const { relationshipId } = relationship;
  for (const party of [menteeId, mentorId]) {
    await expectStatus(
      platform
        .api('matching', tenant, party, ['participant'])
        .POST('/api/matching/v1/relationships/{relationshipId}/accept', {
          params: { path: { relationshipId } },
          body: {},
        }),
      200,
      `${party} accepts`,
    );
  }
  return { programId, relationshipId, mentorId, menteeId };
}
