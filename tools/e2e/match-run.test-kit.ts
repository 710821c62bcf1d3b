import type { TandemClient } from '@tandem/api-client';
import { waitFor } from '@tandem/testing';
import { expectStatus } from './platform.test-kit';

type MatchingClient = TandemClient<'matching'>;

/** Requests a match run (202 with its job), waits for the background solve to end, and reads the run. */
export async function completedMatchRun(admin: MatchingClient, programId: string) {
  const accepted = await expectStatus(
    admin.POST('/api/matching/v1/programs/{programId}/match-runs', {
      params: { path: { programId } },
      body: {},
    }),
    202,
    'match run',
  );
  const byRun = { params: { path: { programId, runId: accepted.runId } } };
  const job = await waitFor(
    async () => {
      const polled = await expectStatus(
        admin.GET('/api/matching/v1/programs/{programId}/match-run-jobs/{runId}', byRun),
        200,
        'match run job',
      );
      return polled.status === 'queued' || polled.status === 'running' ? undefined : polled;
    },
    { description: `match run ${accepted.runId} to finish`, timeoutMs: 60_000 },
  );
  if (job.status !== 'completed') throw new Error(`match run ${job.status}: ${job.error ?? ''}`);
  const run = await expectStatus(
    admin.GET('/api/matching/v1/programs/{programId}/match-runs/{runId}', byRun),
    200,
    'match run',
  );
  // A 200 is the run itself (a 202 would be its progress).
  if (!('pairs' in run)) throw new Error(`match run ${accepted.runId} answered its progress after completing`);
  return run;
}
