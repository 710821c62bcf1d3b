import { execFileSync } from 'node:child_process';
import path from 'node:path';

const cli = path.resolve(__dirname, '../../../../tools/infra/cli.mjs');

interface UpResult {
  started: { kafka: boolean; mongo: boolean };
  env: { KAFKA_BROKERS: string; MONGODB_URI: string };
}

/** Starts (or finds running) the local Kafka and MongoDB-compatible server of tools/infra; progress goes to stderr. */
export function localInfraUp(): UpResult {
  const stdout = execFileSync(process.execPath, [cli, 'up', '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(stdout) as UpResult;
}

export function localInfraDown(servers: string[]): void {
  execFileSync(process.execPath, [cli, 'down', ...servers], { stdio: ['ignore', 'ignore', 'inherit'] });
}
