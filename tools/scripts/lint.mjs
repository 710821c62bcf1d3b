// ESLint with Nx module boundaries. The boundary rule reads Nx's project graph and silently
// skips itself when none is cached, so the graph is computed first, every time.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

function run(command, args, stdout = 'inherit') {
  const result = spawnSync(command, args, { stdio: ['ignore', stdout, 'inherit'], env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npx', ['--no-install', 'nx', 'show', 'projects'], 'ignore');
run('npx', ['--no-install', 'eslint', '--max-warnings=0', ...process.argv.slice(2), '.']);
