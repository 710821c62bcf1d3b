import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Pinned like every other tool the project installs for itself (tools/infra does Kafka and the database). */
export const SCHEMATHESIS_VERSION = '4.32.5';

const cacheDir = path.resolve(process.env['TANDEM_CACHE_DIR'] ?? path.join(os.homedir(), '.cache', 'tandem'));
const venv = path.join(cacheDir, `schemathesis-${SCHEMATHESIS_VERSION}`);
const python = path.join(venv, 'bin', 'python');
/** tools/fuzz: the hooks module schemathesis loads (see its docstring). */
const hooksDir = path.resolve(__dirname, '../../../../tools/fuzz');

/**
 * Installs schemathesis from PyPI into a virtual environment in the cache, once; returns its Python.
 * Jest runs fuzz specs in parallel workers: each installs into its own directory and renames it into
 * place, so a half-installed environment is never used (the first rename wins; `python -m` keeps a
 * moved environment working, where the `st` script's shebang would not).
 */
export function ensureSchemathesis(): string {
  if (existsSync(python)) return python;
  const staging = `${venv}.${process.pid}`;
  const steps: [string, string[]][] = [
    ['python3', ['-m', 'venv', staging]],
    [
      path.join(staging, 'bin', 'python'),
      ['-m', 'pip', 'install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`],
    ],
  ];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(
        `${command} ${args.join(' ')} failed:\n${result.stderr || result.stdout || result.error}`,
      );
  }
  try {
    renameSync(staging, venv);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another worker's environment is in place
  }
  return python;
}

export interface FuzzRun {
  /** Exit code of `st run`: 0 when every check passed. */
  readonly exitCode: number;
  readonly output: string;
  readonly reportDir: string;
}

/** `st run` against one service's document with a bearer token; resolves when the run ends. */
export function runSchemathesis(options: {
  documentUrl: string;
  baseUrl: string;
  token: string;
  maxExamples: number;
  checks: readonly string[];
  seed: number;
}): Promise<FuzzRun> {
  const reportDir = mkdtempSync(path.join(os.tmpdir(), 'tandem-fuzz-'));
  const args = [
    '-m',
    'schemathesis.cli',
    'run',
    options.documentUrl,
    '--url',
    options.baseUrl,
    '--header',
    `Authorization: Bearer ${options.token}`,
    '--max-examples',
    String(options.maxExamples),
    '--checks',
    options.checks.join(','),
    '--seed',
    String(options.seed),
    // One worker: with two, CPython 3.11.7's ast.parse (hypothesis describing a filter) fails now and
    // then with "AST constructor recursion depth mismatch" (a thread-safety bug of that release).
    '--workers',
    '1',
    '--no-color',
    '--report',
    'ndjson',
    '--report-dir',
    reportDir,
    '--generation-database',
    'none',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(ensureSchemathesis(), args, {
      env: { ...process.env, SCHEMATHESIS_HOOKS: 'schemathesis_hooks', PYTHONPATH: hooksDir },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output, reportDir }));
  });
}

interface Recorder {
  readonly label: string;
  readonly checks?: Record<
    string,
    { name: string; status: string; failure_info?: { failure?: { title?: string } } }[]
  >;
  readonly interactions?: Record<
    string,
    { request: { method: string; uri: string }; response?: { status_code: number } }
  >;
}

export interface FuzzSummary {
  /** Requests that got an answer. */
  readonly requests: number;
  readonly statuses: Record<string, number>;
  /** `<check> <operation> → <status>`: each failed check once. */
  readonly failures: string[];
}

/** Counts the answers and failed checks in a run's NDJSON event stream. */
export function summarize(run: FuzzRun): FuzzSummary {
  const file = readdirSync(run.reportDir).find((name) => name.endsWith('.ndjson'));
  if (!file) throw new Error(`schemathesis wrote no report:\n${run.output.slice(-3000)}`);
  const statuses: Record<string, number> = {};
  const failures = new Set<string>();
  let requests = 0;
  for (const line of readFileSync(path.join(run.reportDir, file), 'utf8').split('\n')) {
    if (!line.includes('"ScenarioFinished"')) continue;
    const recorder = (JSON.parse(line) as { ScenarioFinished: { recorder: Recorder } }).ScenarioFinished
      .recorder;
    const statusOf: Record<string, number | undefined> = {};
    for (const [id, interaction] of Object.entries(recorder.interactions ?? {})) {
      const status = interaction.response?.status_code;
      statusOf[id] = status;
      if (status === undefined) continue;
      requests += 1;
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
    for (const [id, checks] of Object.entries(recorder.checks ?? {}))
      for (const check of checks.filter((c) => c.status === 'failure'))
        failures.add(`${check.name} ${recorder.label} → ${statusOf[id] ?? 'no answer'}`);
  }
  return { requests, statuses, failures: [...failures].sort() };
}
