import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServiceDefinition } from '@tandem/runtime';
import { startServiceApi } from '@tandem/runtime/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- tools (scope:shared) reads each service's live OpenAPI document
import { analyticsService } from '../../apps/analytics/src/analytics.module';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { goalsService } from '../../apps/goals/src/goals.module';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { matchingService } from '../../apps/matching/src/matching.module';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { sessionsService } from '../../apps/sessions/src/sessions.module';

const workspaceRoot = path.resolve(__dirname, '../..');
// The conversion `npm run api:client` uses, run in Node: openapi-typescript is ES modules only.
const converter = path.join(workspaceRoot, 'tools/scripts/openapi-to-typescript.mjs');
const services: [string, ServiceDefinition][] = [
  ['matching', matchingService],
  ['goals', goalsService],
  ['sessions', sessionsService],
  ['analytics', analyticsService],
];

function firstDifference(committed: string, generated: string): string {
  const before = committed.split('\n');
  const after = generated.split('\n');
  const line = after.findIndex((text, index) => text !== before[index]);
  const at = line === -1 ? after.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(before[at])}, generated ${JSON.stringify(after[at])}`;
}

describe('the generated API client (libs/api-client/src/generated)', () => {
  it.each(services)(
    '%s.ts is what the live OpenAPI document of the service generates',
    async (service, definition) => {
      const api = await startServiceApi(definition);
      let document: string;
      try {
        document = await (await fetch(`${api.url}/api/${service}/docs/openapi.json`)).text();
      } finally {
        await api.close();
      }
      const converted = spawnSync(process.execPath, [converter, service], {
        input: document,
        encoding: 'utf8',
      });
      if (converted.status !== 0) throw new Error(`openapi-to-typescript failed: ${converted.stderr}`);
      const file = `libs/api-client/src/generated/${service}.ts`;
      let committed: string;
      try {
        committed = readFileSync(path.join(workspaceRoot, file), 'utf8');
      } catch {
        throw new Error(`${file} is missing: run npm run api:client`);
      }
      if (committed !== converted.stdout)
        throw new Error(
          `${file} is stale: run npm run api:client (${firstDifference(committed, converted.stdout)})`,
        );
    },
  );
});
