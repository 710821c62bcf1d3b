// Adds lockfile entries for other platforms' optional native packages (e.g. @swc/core-darwin-arm64)
// when the registry this lockfile was made with does not serve them. Without the entries `npm ci`
// refuses the lockfile as out of sync; with them (marked optional, with os/cpu) npm skips them on
// platforms they are not for, and fetches them by name where they are.
// Run after `npm install` changes dependencies:  node tools/scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const lockPath = path.resolve(import.meta.dirname, '../../package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const osNames = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'netbsd', 'openbsd', 'sunos', 'aix'];
const cpuNames = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];

function platformOf(name) {
  const words = name.split('/').pop().split('-');
  const os = osNames.find((o) => words.includes(o));
  const cpu = cpuNames.find((c) => words.includes(c));
  if (!os && !words.includes('wasm32')) return undefined;
  const platform = {};
  if (os) platform.os = [os];
  if (cpu) platform.cpu = [cpu];
  if (words.includes('musl') || words.includes('musleabihf')) platform.libc = ['musl'];
  else if (os === 'linux' && (words.includes('gnu') || words.includes('gnueabihf'))) platform.libc = ['glibc'];
  return platform;
}

function resolvesFrom(parentPath, name) {
  // Node-style lookup: the parent's own node_modules, then each ancestor's, then the root.
  let dir = parentPath;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
}

let added = 0;
for (const [parentPath, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolvesFrom(parentPath, name)) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    const target = packages[`node_modules/${name}`] ? `${parentPath}/node_modules/${name}` : `node_modules/${name}`;
    packages[target] = { version, dev: entry.dev, optional: true, ...platform };
    if (!entry.dev) delete packages[target].dev;
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
