// Checks for the toolchains the local infrastructure is built and run with, and says how to get
// a missing one instead of failing somewhere deep inside a build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const installHints = {
  java: 'Java 17 or newer runs the Kafka broker. Debian/Ubuntu: apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17.',
  mvn: 'Maven resolves the Kafka jars from Maven Central. Debian/Ubuntu: apt-get install maven; macOS: brew install maven.',
  go: 'Go 1.22 or newer builds FerretDB from its Go module. See https://go.dev/doc/install (Debian bookworm-backports: golang-1.22).',
  cargo: 'Rust (cargo 1.85 or newer) builds SecantusDB from crates.io. Install with rustup: https://rustup.rs (Debian\'s cargo is too old).',
  cmake: 'CMake 3.16 or newer and a C compiler build WiredTiger inside SecantusDB. Debian/Ubuntu: apt-get install cmake build-essential; macOS: brew install cmake.',
};

function versionOutput(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return `${result.stdout}${result.stderr}`;
}

function requireTool(command, args, minimum, parse, name = command) {
  const output = versionOutput(command, args);
  if (output === undefined) throw new Error(`${name} was not found on PATH. ${installHints[name]}`);
  const found = parse(output);
  if (found !== undefined && compareVersions(found, minimum) < 0) {
    throw new Error(`${name} ${found.join('.')} is too old (need ${minimum.join('.')}+). ${installHints[name]}`);
  }
}

function compareVersions(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

const numbers = (match) => (match ? match.slice(1).map(Number) : undefined);

export function requireJava() {
  requireTool('java', ['-version'], [17], (out) => numbers(out.match(/version "(\d+)/)));
}

export function requireMaven() {
  requireTool('mvn', ['-v'], [3, 6], (out) => numbers(out.match(/Apache Maven (\d+)\.(\d+)/)));
}

export function requireGo() {
  requireTool('go', ['version'], [1, 22], (out) => numbers(out.match(/go(\d+)\.(\d+)/)));
}

/** cargo from PATH, else where rustup puts it (shells that did not source ~/.cargo/env lack it on PATH). */
export function cargoCommand() {
  if (versionOutput('cargo', ['--version']) !== undefined) return 'cargo';
  const rustupCargo = path.join(process.env.CARGO_HOME ?? path.join(os.homedir(), '.cargo'), 'bin', 'cargo');
  return existsSync(rustupCargo) ? rustupCargo : 'cargo';
}

export function requireCargo() {
  requireTool(cargoCommand(), ['--version'], [1, 85], (out) => numbers(out.match(/cargo (\d+)\.(\d+)/)), 'cargo');
}

export function requireCmake() {
  requireTool('cmake', ['--version'], [3, 16], (out) => numbers(out.match(/cmake version (\d+)\.(\d+)/)));
}
