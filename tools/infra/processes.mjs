// Process bookkeeping for tools/infra: detached servers with pid files, and liveness checks that
// make sure a pid still belongs to the server we started (pids get reused).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export function commandLineOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    const ps = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    return ps.status === 0 ? ps.stdout : '';
  }
}

/** The pid recorded in pidFile, if that process is alive and its command line contains marker. */
export function runningPid(pidFile, marker) {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  return commandLineOf(pid).includes(marker) ? pid : undefined;
}

export function startDetached({ command, args, cwd, env, logFile, pidFile }) {
  mkdirSync(path.dirname(logFile), { recursive: true });
  mkdirSync(path.dirname(pidFile), { recursive: true });
  const log = openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  child.unref();
  writeFileSync(pidFile, `${child.pid}\n`);
  return child.pid;
}

export async function stopProcess(pidFile, marker, { graceMs = 20_000 } = {}) {
  const pid = runningPid(pidFile, marker);
  if (pid === undefined) {
    rmSync(pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && isAlive(pid)) await delay(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await delay(50);
  rmSync(pidFile, { force: true });
  return true;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    // A zombie still answers kill(0); treat it as gone.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch (error) {
    return error.code === 'EPERM';
  }
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function portIsOpen(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls check() until it returns true; fails with the log's tail when the process dies or time runs out. */
export async function waitUntil(description, check, { timeoutMs, pid, logFile }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (pid !== undefined && !isAlive(pid)) {
      throw new Error(`${description}: the process exited.\n${logTail(logFile)}`);
    }
    await delay(200);
  }
  throw new Error(`${description}: not ready after ${timeoutMs / 1000} s.\n${logTail(logFile)}`);
}

export function logTail(logFile, lines = 25) {
  if (!logFile || !existsSync(logFile)) return '';
  const text = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  return `Last lines of ${logFile}:\n${text}`;
}

/** Runs a build step, streaming nothing unless it fails; then its output is part of the error. */
export function runStep(description, command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new Error(`${description}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`${description} failed (exit ${result.status}):\n${output}`);
  }
  return result.stdout;
}
