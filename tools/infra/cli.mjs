#!/usr/bin/env node
// Local infrastructure without Docker: `up`, `down`, `status` [--json].
// `up` is idempotent and returns only when both servers answer.
import { kafkaDown, kafkaStatus, kafkaUp } from './kafka.mjs';
import { mongoDown, mongoStatus, mongoUp } from './mongo.mjs';
import { loadSettings } from './settings.mjs';

const [command, ...rest] = process.argv.slice(2);
const json = rest.includes('--json');
// `up kafka` / `down kafka` act on just that server; plain `up` / `down` on both.
const only = rest.filter((word) => !word.startsWith('--'));
// With --json, stdout carries only the JSON; progress goes to stderr.
const say = (line) => (json ? process.stderr : process.stdout).write(`${line}\n`);

function connection(settings) {
  return {
    KAFKA_BROKERS: `${settings.host}:${settings.kafka.port}`,
    MONGODB_URI: `mongodb://${settings.host}:${settings.mongo.port}/?directConnection=true`,
  };
}

async function up(settings) {
  const started = Date.now();
  const wanted = (name) => only.length === 0 || only.includes(name);
  // Sequential on purpose: the first run builds the database engine and resolves Kafka, both heavy on 2 cores.
  const mongo = wanted('mongo') ? await mongoUp(settings, say) : { started: false };
  const kafka = wanted('kafka') ? await kafkaUp(settings, say) : { started: false };
  const env = connection(settings);
  say(`infra: up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`  KAFKA_BROKERS=${env.KAFKA_BROKERS}`);
  say(`  MONGODB_URI=${env.MONGODB_URI}`);
  return { started: { kafka: kafka.started, mongo: mongo.started }, env };
}

async function down(settings) {
  const stoppers = { kafka: kafkaDown, mongo: mongoDown };
  const stopped = {};
  for (const [name, stop] of Object.entries(stoppers)) {
    if (only.length > 0 && !only.includes(name)) continue;
    stopped[name] = await stop(settings);
    say(`${name}: ${stopped[name] ? 'stopped' : 'was not running'}`);
  }
  return { stopped };
}

function status(settings) {
  const services = [kafkaStatus(settings), mongoStatus(settings)];
  for (const s of services) {
    say(`${s.name}${s.engine ? ` (${s.engine})` : ''} ${s.version}: ${s.running ? `running (pid ${s.pid}) on ${s.address}` : 'stopped'}` +
      `${s.cached ? '' : ' (not built/downloaded yet)'}`);
  }
  return { services, env: connection(settings) };
}

const commands = { up, down, status };

async function main() {
  const run = commands[command];
  const unknown = only.filter((name) => name !== 'kafka' && name !== 'mongo');
  if (!run || unknown.length > 0) {
    if (unknown.length > 0) process.stderr.write(`infra: unknown server ${unknown.join(', ')} (known: kafka, mongo)\n`);
    process.stderr.write('usage: node tools/infra/cli.mjs up|down [kafka|mongo] | status  [--json]\n');
    process.exit(2);
  }
  const result = await run(loadSettings());
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  process.stderr.write(`infra ${command}: ${error.message}\n`);
  process.exit(1);
});
