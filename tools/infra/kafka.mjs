// A real single-node Apache Kafka broker in KRaft mode, run from the jars Maven resolves from
// Maven Central (version pinned in kafka/pom.xml). No tarball, no Docker.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { portIsOpen, runningPid, runStep, startDetached, stopProcess, waitUntil } from './processes.mjs';
import { requireJava, requireMaven } from './toolchain.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pomFile = path.join(here, 'kafka', 'pom.xml');
const log4jConfig = path.join(here, 'kafka', 'log4j2.properties');
const startedLine = 'Kafka Server started';

export function kafkaVersion() {
  const match = readFileSync(pomFile, 'utf8').match(/<kafka\.version>([^<]+)<\/kafka\.version>/);
  if (!match) throw new Error(`no <kafka.version> in ${pomFile}`);
  return match[1];
}

function paths(settings) {
  const dir = path.join(settings.dataDir, 'kafka');
  return {
    dir,
    logDirs: path.join(dir, 'data'),
    properties: path.join(dir, 'server.properties'),
    pidFile: path.join(settings.pidDir, 'kafka.pid'),
    logFile: path.join(settings.logDir, 'kafka.log'),
    libs: path.join(settings.cacheDir, `kafka-${kafkaVersion()}`, 'libs'),
  };
}

/** Resolves the broker's runtime classpath once into the cache; later runs reuse it. */
function ensureJars(settings, say) {
  const { libs } = paths(settings);
  const marker = path.join(libs, '.complete');
  if (existsSync(marker)) return libs;
  requireMaven();
  say(`kafka: resolving Kafka ${kafkaVersion()} jars from Maven Central into ${libs} (first run only)`);
  runStep('resolving the Kafka jars with Maven', 'mvn', [
    '-B', '-q', '-f', pomFile, 'dependency:copy-dependencies',
    '-DincludeScope=runtime', `-DoutputDirectory=${libs}`,
  ]);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return libs;
}

function serverProperties(settings, p) {
  const { host } = settings;
  const { port, controllerPort } = settings.kafka;
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=${host}:${controllerPort}`,
    `listeners=PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://${host}:${port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${p.logDirs}`,
    // One node: every internal topic has one replica; small partition counts start faster.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=6',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=3',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // Tests join consumer groups constantly: no initial rebalance delay.
    'group.initial.rebalance.delay.ms=0',
    'num.partitions=3',
    'auto.create.topics.enable=true',
    // Event topics are the history every read model is rebuilt from: never delete by age or size.
    'log.retention.ms=-1',
    'log.retention.bytes=-1',
    '',
  ].join('\n');
}

function java(libs, mainClass, args, settings) {
  return {
    command: 'java',
    args: [
      `-Xms128m`, `-Xmx${settings.kafka.heap}`, '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1',
      '-XX:-UsePerfData', '-Djava.awt.headless=true', `-Dlog4j2.configurationFile=${log4jConfig}`,
      '-cp', `${libs}/*`, mainClass, ...args,
    ],
  };
}

function formatStorageOnce(libs, settings, p) {
  if (existsSync(path.join(p.logDirs, 'meta.properties'))) return;
  mkdirSync(p.logDirs, { recursive: true });
  const uuid = java(libs, 'kafka.tools.StorageTool', ['random-uuid'], settings);
  const clusterId = runStep('generating a Kafka cluster id', uuid.command, uuid.args).trim().split('\n').pop();
  const format = java(libs, 'kafka.tools.StorageTool',
    ['format', '--standalone', '-t', clusterId, '-c', p.properties], settings);
  runStep('formatting the Kafka log directory', format.command, format.args);
}

export async function kafkaUp(settings, say) {
  const p = paths(settings);
  const marker = p.properties;
  const running = runningPid(p.pidFile, marker);
  if (running !== undefined) {
    say(`kafka: already running (pid ${running}) on ${settings.host}:${settings.kafka.port}`);
    return { started: false, pid: running };
  }
  requireJava();
  const libs = ensureJars(settings, say);
  if (await portIsOpen(settings.host, settings.kafka.port)) {
    throw new Error(`kafka: port ${settings.kafka.port} is taken by another process; set TANDEM_KAFKA_PORT`);
  }
  mkdirSync(p.dir, { recursive: true });
  writeFileSync(p.properties, serverProperties(settings, p));
  formatStorageOnce(libs, settings, p);
  const logStart = existsSync(p.logFile) ? readFileSync(p.logFile).length : 0;
  const { command, args } = java(libs, 'kafka.Kafka', [p.properties], settings);
  const pid = startDetached({ command, args, cwd: p.dir, env: process.env, logFile: p.logFile, pidFile: p.pidFile });
  say(`kafka: starting Kafka ${kafkaVersion()} (pid ${pid}), log ${p.logFile}`);
  await waitUntil('kafka', async () => {
    const log = readFileSync(p.logFile).subarray(logStart).toString('utf8');
    return log.includes(startedLine) && (await portIsOpen(settings.host, settings.kafka.port));
  }, { timeoutMs: 90_000, pid, logFile: p.logFile });
  return { started: true, pid };
}

export async function kafkaDown(settings) {
  const p = paths(settings);
  return stopProcess(p.pidFile, p.properties);
}

export function kafkaStatus(settings) {
  const p = paths(settings);
  const pid = runningPid(p.pidFile, p.properties);
  const cached = existsSync(p.libs) && readdirSync(p.libs).some((f) => f.startsWith('kafka_'));
  return {
    name: 'kafka',
    version: kafkaVersion(),
    running: pid !== undefined,
    pid,
    address: `${settings.host}:${settings.kafka.port}`,
    cached,
    log: p.logFile,
  };
}
