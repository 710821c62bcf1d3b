// The matching part of the demo: two programs, enrolment from CSV, an optimal match run,
// publication, and most proposals accepted.
import { participantsCsv } from './demo-organisation.mjs';
import { forEachWithProgress } from './demo-api.mjs';

const admin = { as: 'admin-1', roles: ['program-admin'] };

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
        hardRules: { excludeSameDepartment: false, excludeOwnManager: true, excludePreviousPairs: true, requireCommonLanguage: true, maxTimezoneGapHours: 8 },
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
      settings: { matchingMode: 'admin-bulk', maxGroupSize: 5, acceptance: 'admin-approval', sessionsPerMonth: 1, criteriaWeights: { skills: 50, languages: 20, timezone: 30 } },
    },
    roleOf: (person) => (person.level >= 6 ? 'mentor' : 'mentee'),
    capacityOf: () => 5,
  },
];

/** Sends the file (202: a background job), then polls the job until it has completed. */
async function importCsv(api, programId, csv) {
  const accepted = await api.call('matching', 'POST', `/programs/${programId}/participants/import`, { ...admin, body: csv, contentType: 'text/csv', expect: [202] });
  const path = `/programs/${programId}/participant-imports/${accepted.body.jobId}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const job = (await api.call('matching', 'GET', path, admin)).body;
    if (job.status === 'completed') return job;
    if (job.status !== 'queued' && job.status !== 'running') throw new Error(`[demo] the CSV import ${job.status}: ${job.error ?? ''}`);
    if (Date.now() > deadline) throw new Error('[demo] the CSV import did not complete in 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function seedMatching(api, people, random) {
  const split = Math.round(people.length * 0.75);
  const cohorts = [people.slice(0, split), people.slice(split)];
  const programs = [];
  for (const [index, program] of demoPrograms.entries()) {
    const created = await api.call('matching', 'POST', '/programs', { ...admin, body: program.body });
    const programId = created.body.programId;
    await api.call('matching', 'POST', `/programs/${programId}/open-enrolment`, admin);
    const rows = cohorts[index].map((person) => {
      const role = program.roleOf(person);
      return { ...person, role, capacity: role === 'mentor' ? program.capacityOf(person) : undefined };
    });
    const imported = await importCsv(api, programId, participantsCsv(rows));
    console.log(`[demo] "${program.body.name}": ${imported.progress.enrolled} enrolled from CSV, ${imported.rejected.length} rows rejected`);
    await api.call('matching', 'POST', `/programs/${programId}/close-enrolment`, admin);
    const run = await api.call('matching', 'POST', `/programs/${programId}/match-runs`, { ...admin, body: {} });
    const { matched, unmatched, meanScore } = run.body.report;
    console.log(`[demo]   match run: ${matched} matched, ${unmatched} unmatched, mean score ${meanScore}, proven optimal: ${run.body.optimal}`);
    await api.call('matching', 'POST', `/programs/${programId}/match-runs/${run.body.runId}/publish`, admin);
    await api.call('matching', 'POST', `/programs/${programId}/launch`, admin);
    const proposals = (await api.call('matching', 'GET', `/relationships?programId=${programId}&status=proposed&limit=500`, admin)).body.items;
    await forEachWithProgress(`answering ${proposals.length} proposals`, proposals, 12, async (proposal) => {
      const path = `/relationships/${proposal.relationshipId}`;
      if (random.chance(0.1)) {
        await api.call('matching', 'POST', `${path}/decline`, { as: proposal.menteeIds[0], body: { reason: 'schedule-conflict' } });
        return;
      }
      if (program.body.settings.acceptance === 'admin-approval') {
        await api.call('matching', 'POST', `${path}/accept`, admin);
        return;
      }
      for (const party of [...proposal.menteeIds, ...proposal.mentorIds]) await api.call('matching', 'POST', `${path}/accept`, { as: party });
    });
    const active = (await api.call('matching', 'GET', `/relationships?programId=${programId}&status=active&limit=500`, admin)).body.items;
    programs.push({ programId, name: program.body.name, sessionsPerMonth: program.body.settings.sessionsPerMonth, relationships: active });
  }
  return programs;
}
