// The Helm CLI the chart checks use, built from its Go module into the tools cache on first use
// (no prebuilt binary can be downloaded here; the Go module proxy is reachable). ~3–4 min once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const HELM_VERSION = 'v3.22.0';

export function helmBinary() {
  const cacheDir = path.resolve(process.env.TANDEM_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'tandem'));
  const binDir = path.join(cacheDir, `helm-${HELM_VERSION}`);
  const binary = path.join(binDir, 'helm');
  if (existsSync(binary)) return binary;
  mkdirSync(binDir, { recursive: true });
  process.stderr.write(`helm: building ${HELM_VERSION} from its Go module into ${binDir} (first use only, a few minutes)\n`);
  const started = Date.now();
  execFileSync('go', ['install', `helm.sh/helm/v3/cmd/helm@${HELM_VERSION}`], {
    env: { ...process.env, GOBIN: binDir, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  process.stderr.write(`helm: built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return binary;
}
