import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';

// No Docker engine runs where the tests do, so this checks what can be checked without one:
// the compose file and the per-app Dockerfiles agree with the rest of the workspace.
const workspaceRoot = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(workspaceRoot, file), 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  ports?: string[];
}

const compose = load(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
const apps = { matching: 3001, goals: 3002, sessions: 3003, analytics: 3004 };

describe('docker-compose.yml and the Dockerfiles', () => {
  it('runs the same Kafka version that tools/infra pins', () => {
    const pinned = /<kafka\.version>([^<]+)</.exec(read('tools/infra/kafka/pom.xml'))?.[1];
    expect(compose.services['kafka']?.image).toBe(`apache/kafka:${pinned}`);
  });

  it.each(Object.entries(apps))('builds %s from its own multi-stage, non-root Dockerfile', (app, port) => {
    const service = compose.services[app];
    expect(service?.build).toEqual({ context: '.', dockerfile: `apps/${app}/Dockerfile` });
    expect(service?.environment).toEqual({
      KAFKA_BROKERS: 'kafka:9092',
      MONGODB_URI: `mongodb://mongo:27017/tandem_${app}`,
      // Goals and sessions name people from matching's directory (`include=people`).
      ...(app === 'goals' || app === 'sessions' ? { PEOPLE_DIRECTORY_URL: 'http://matching:3001' } : {}),
      // Matching's export of a person gathers the other services' parts.
      ...(app === 'matching'
        ? {
            PERSONAL_DATA_SOURCES:
              'goals=http://goals:3002,sessions=http://sessions:3003,analytics=http://analytics:3004',
          }
        : {}),
    });
    expect(service?.ports).toEqual([`127.0.0.1:${port}:${port}`]);

    const dockerfile = read(`apps/${app}/Dockerfile`);
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain(`PORT=${port}`);
    expect(dockerfile).toContain(`dist/apps/${app}/src/main.js`);
  });
});
