// `npm start -- --demo`: seeds a tenant with a realistic organisation through the public APIs,
// then prints where to look. Safe to run again: each run makes a new tenant.
import { demoApi } from './demo-api.mjs';
import { demoOrganisation } from './demo-organisation.mjs';
import { seededRandom } from './seeded-random.mjs';
import { seedMatching } from './seed-matching.mjs';
import { seedActivity } from './seed-activity.mjs';

export async function seedDemo({ ports, tenant = `demo-${new Date().toISOString().slice(0, 10)}-${process.pid}`, people = 300, seed = 7 }) {
  const started = Date.now();
  console.log(`[demo] seeding tenant "${tenant}" with ${people} people (seed ${seed})`);
  const api = demoApi({ ports, tenant });
  const random = seededRandom(seed);
  const programs = await seedMatching(api, demoOrganisation({ seed, people }), random);
  await seedActivity(api, programs, random);
  const adminToken = await api.tokenFor('admin-1', ['program-admin', 'analyst']);
  console.log(`\n[demo] done in ${((Date.now() - started) / 1000).toFixed(0)} s. Where to look (tenant "${tenant}"):`);
  for (const program of programs) {
    console.log(`  ${program.name}: ${program.relationships.length} active relationships`);
    console.log(`    http://127.0.0.1:${ports.matching}/api/matching/v1/programs/${program.programId}`);
    console.log(`    http://127.0.0.1:${ports.analytics}/api/analytics/v1/programs/${program.programId}/summary`);
  }
  console.log(`  OpenAPI: http://127.0.0.1:${ports.matching}/api/matching/docs (and goals, sessions, analytics)`);
  console.log(`  Token (program admin + analyst, 4 h):\n    ${adminToken}`);
  return { tenant, programs };
}
