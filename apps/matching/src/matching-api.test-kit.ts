import { startServiceApi, type ApiClient, type ApiResponse, type ServiceApi } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import { matchingService } from './matching.module';

export type { ApiClient } from '@tandem/runtime/testing';
export type MatchingApi = ServiceApi;

/** The matching service on the real local Kafka and MongoDB; `consumeEvents` reads its topic into `events`. */
export function startMatchingApi({
  consumeEvents = false,
  env = {},
}: { consumeEvents?: boolean; env?: Record<string, string> } = {}): Promise<MatchingApi> {
  return startServiceApi(matchingService, { consumeContexts: consumeEvents ? ['matching'] : [], env });
}

/**
 * A match run as an admin gets one: `POST` (or a draft's review) answers 202 with the queued run,
 * its job is polled until it stops, and the run itself is read. Fails unless the run completed.
 */
export async function completedRun(
  admin: ApiClient,
  programId: string,
  body: unknown = {},
  path = `/programs/${programId}/match-runs`,
): Promise<ApiResponse> {
  const requested = await admin.post(path, body);
  if (requested.status !== 202)
    throw new Error(`match run not accepted: ${requested.status} ${JSON.stringify(requested.body)}`);
  const runId = String(requested.body.runId);
  let last: unknown;
  const job = await waitFor(
    async () => {
      const polled = await admin.get(`/programs/${programId}/match-run-jobs/${runId}`);
      last = polled.body;
      return polled.body.status === 'queued' || polled.body.status === 'running' ? undefined : polled.body;
    },
    { description: () => `match run ${runId} to finish (last: ${JSON.stringify(last)})`, timeoutMs: 30_000 },
  );
  if (job.status !== 'completed') throw new Error(`match run ${runId} ended ${JSON.stringify(job)}`);
  return admin.get(`/programs/${programId}/match-runs/${runId}`);
}

/**
 * A one-to-one program whose enrolment is closed, with `pairs` mentors and mentees (mentor-i,
 * mentee-i) that any run pairs up: no minimum score, one mentee per mentor.
 */
export async function programWithPairs(admin: ApiClient, pairs: number, name = 'Runs'): Promise<string> {
  const profile = { languages: ['en'], skillsOffered: [], skillsSought: [], focusAreas: [] };
  const program = await admin.post('/programs', {
    name,
    type: 'one-to-one',
    settings: { minimumScore: 0, defaultMentorCapacity: 1 },
  });
  const programId = program.body.programId as string;
  await admin.post(`/programs/${programId}/open-enrolment`);
  for (let i = 0; i < pairs; i += 1) {
    for (const [userId, role] of [
      [`mentor-${i}`, 'mentor'],
      [`mentee-${i}`, 'mentee'],
    ] as const)
      await admin.post(`/programs/${programId}/participants`, { userId, roles: [role], profile });
  }
  await admin.post(`/programs/${programId}/close-enrolment`);
  return programId;
}
