import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** A Python that imports scipy: the command, and the environment to run it with. */
export interface ScipyPython {
  readonly command: string;
  readonly env: NodeJS.ProcessEnv;
}

/** The scipy the bench installs when the machine has none: pinned, so baselines compare across runs. */
const SCIPY_VERSION = '1.14.1';

let found: ScipyPython | null | undefined;

/**
 * The first of BENCH_PYTHON, python3, /usr/bin/python3 that imports scipy (Debian's lives in the
 * last); otherwise python3 with scipy installed by pip from PyPI into the workspace's cache (a
 * fresh machine then measures the baseline too, without a hand-installed package).
 */
export function findScipyPython(): ScipyPython | null {
  if (found !== undefined) return found;
  const candidates = [process.env['BENCH_PYTHON'], 'python3', '/usr/bin/python3'].filter(
    (name): name is string => Boolean(name),
  );
  const importsScipy = (python: ScipyPython) =>
    spawnSync(python.command, ['-c', 'import scipy.optimize'], { stdio: 'ignore', env: python.env })
      .status === 0;
  found =
    candidates.map((command) => ({ command, env: process.env })).find(importsScipy) ??
    installedScipy(importsScipy);
  return found;
}

function installedScipy(importsScipy: (python: ScipyPython) => boolean): ScipyPython | null {
  // Beside the compiled bench (which each run rebuilds), in the workspace `npm run bench` runs in.
  const target = path.resolve('node_modules', '.cache', `tandem-bench-scipy-${SCIPY_VERSION}`);
  const python = { command: 'python3', env: { ...process.env, PYTHONPATH: target } };
  if (importsScipy(python)) return python;
  process.stderr.write(`bench: installing scipy ${SCIPY_VERSION} for the dense baseline into ${target}\n`);
  const install = spawnSync(
    'python3',
    [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--target',
      target,
      `scipy==${SCIPY_VERSION}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return install.status === 0 && importsScipy(python) ? python : null;
}
