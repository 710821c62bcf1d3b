// The matching part of the demo: two programs, enrolment from CSV, an optimal match run,
// publication, and most proposals accepted.
import { participantsCsv } from './demo-organisation.mjs';
import { expectStatus, forEachWithProgress } from './demo-api.mjs';

/**
 * @typedef {import('../../libs/api-client/src/generated/matching').paths['/api/matching/v1/programs']['post']['requestBody']['content']['application/json']} NewProgram
 * @type {{ body: NewProgram, roleOf: (person: { level: number }) => 'mentor' | 'mentee', capacityOf: (person: { level: number }) => number }[]}
 */
export const demoPrograms = [
  {
    body: {
      name: 'Engineering & Product mentoring 2027',
      description: 'One-to-one mentoring across Engineering and Product, six months.',
      type: 'one-to-one',
      settings: {
        matchingMode: 'hybrid',
        minimumScore: 20,
        defaultMentorCapacity: 2,
        sessionsPerMonth: 2,
        hardRules: {
          excludeSameDepartment: false,
          excludeOwnManager: true,
          excludePreviousPairs: true,
          requireCommonLanguage: true,
          maxTimezoneGapHours: 8,
        },
      },
    },
    roleOf: (person) => (person.level >= 5 ? 'mentor' : 'mentee'),
    capacityOf: (person) => (person.level >= 7 ? 3 : 2),
  },
  {
    body: {
      name: 'New managers circle',
      description: 'Groups of up to five new managers with an experienced leader.',
      type: 'group',
      settings: {
        matchingMode: 'admin-bulk',
        maxGroupSize: 5,
        acceptance: 'admin-approval',
        sessionsPerMonth: 1,
        criteriaWeights: { skills: 50, languages: 20, timezone: 30 },
      },
    },
    roleOf: (person) => (person.level >= 6 ? 'mentor' : 'mentee'),
    capacityOf: () => 5,
  },
];

/**
 * Sends the file (202: a background job), then polls the job until it has completed.
 * @param {import('./demo-api.mjs').Clients['matching']} matching
 */
async function importCsv(matching, programId, csv) {
  const accepted = await expectStatus(
    matching.POST('/api/matching/v1/programs/{programId}/participants/import', {
      params: { path: { programId } },
      body: csv,
      headers: { 'content-type': 'text/csv' },
      bodySerializer: (text) => text,
    }),
    [202],
  );
  const byJob = { params: { path: { programId, jobId: accepted.jobId } } };
  const deadline = Date.now() + 120_000;
  for (;;) {
    const job = await expectStatus(
      matching.GET('/api/matching/v1/programs/{programId}/participant-imports/{jobId}', byJob),
    );
    if (job.status === 'completed') return job;
    if (job.status !== 'queued' && job.status !== 'running')
      throw new Error(`[demo] the CSV import ${job.status}: ${job.error ?? ''}`);
    if (Date.now() > deadline) throw new Error('[demo] the CSV import did not complete in 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Requests a match run (202), follows its background solve, and reads the completed run. */
async function completedMatchRun(matching, programId) {
  const byProgram = { params: { path: { programId } } };
  const accepted = await expectStatus(
    matching.POST('/api/matching/v1/programs/{programId}/match-runs', { ...byProgram, body: {} }),
    [202],
  );
  const byRun = { params: { path: { programId, runId: accepted.runId } } };
  const deadline = Date.now() + 120_000;
  for (;;) {
    const job = await expectStatus(
      matching.GET('/api/matching/v1/programs/{programId}/match-run-jobs/{runId}', byRun),
    );
    if (job.status === 'completed')
      return expectStatus(matching.GET('/api/matching/v1/programs/{programId}/match-runs/{runId}', byRun));
    if (job.status !== 'queued' && job.status !== 'running')
      throw new Error(`[demo] the match run ${job.status}: ${job.error ?? ''}`);
    if (Date.now() > deadline) throw new Error('[demo] the match run did not complete in 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** @param {import('./demo-api.mjs').DemoApi} api */
export async function seedMatching(api, people, random) {
  const { matching } = api.as('admin-1', ['program-admin']);
  const split = Math.round(people.length * 0.75);
  const cohorts = [people.slice(0, split), people.slice(split)];
  const programs = [];
  for (const [index, program] of demoPrograms.entries()) {
    const { programId } = await expectStatus(
      matching.POST('/api/matching/v1/programs', { body: program.body }),
    );
    const byProgram = { params: { path: { programId } } };
    await expectStatus(matching.POST('/api/matching/v1/programs/{programId}/open-enrolment', byProgram));
    const rows = cohorts[index].map((person) => {
      const role = program.roleOf(person);
      return { ...person, role, capacity: role === 'mentor' ? program.capacityOf(person) : undefined };
    });
    const imported = await importCsv(matching, programId, participantsCsv(rows));
    console.log(
      `[demo] "${program.body.name}": ${imported.progress.enrolled} enrolled from CSV, ${imported.rejected.length} rows rejected`,
    );
    await expectStatus(matching.POST('/api/matching/v1/programs/{programId}/close-enrolment', byProgram));
    const run = await completedMatchRun(matching, programId);
    const { matched, unmatched, meanScore } = run.report;
    console.log(
      `[demo]   match run: ${matched} matched, ${unmatched} unmatched, mean score ${meanScore}, proven optimal: ${run.optimal}`,
    );
    await expectStatus(
      matching.POST('/api/matching/v1/programs/{programId}/match-runs/{runId}/publish', {
        params: { path: { programId, runId: run.runId } },
      }),
    );
    await expectStatus(matching.POST('/api/matching/v1/programs/{programId}/launch', byProgram));
    const relationships = (status) =>
      expectStatus(
        matching.GET('/api/matching/v1/relationships', {
          params: { query: { programId, status, limit: 500 } },
        }),
      ).then((page) => page.items);
    const proposals = await relationships('proposed');
    await forEachWithProgress(`answering ${proposals.length} proposals`, proposals, 12, async (proposal) => {
      const byRelationship = { params: { path: { relationshipId: proposal.relationshipId } } };
      if (random.chance(0.1)) {
        const mentee = api.as(proposal.menteeIds[0]).matching;
        await expectStatus(
          mentee.POST('/api/matching/v1/relationships/{relationshipId}/decline', {
            ...byRelationship,
            body: { reason: 'schedule-conflict' },
          }),
        );
        return;
      }
      if (program.body.settings.acceptance === 'admin-approval') {
        await expectStatus(
          matching.POST('/api/matching/v1/relationships/{relationshipId}/accept', {
            ...byRelationship,
            body: {},
          }),
        );
        return;
      }
      for (const party of [...proposal.menteeIds, ...proposal.mentorIds])
        await expectStatus(
          api.as(party).matching.POST('/api/matching/v1/relationships/{relationshipId}/accept', {
            ...byRelationship,
            body: {},
          }),
        );
    });
    const active = await relationships('active');
    programs.push({
      programId,
      name: program.body.name,
      sessionsPerMonth: program.body.settings.sessionsPerMonth,
      relationships: active,
    });
  }
  return programs;
}
