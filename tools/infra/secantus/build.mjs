// Builds the SecantusDB server from its published crates with Tandem's patches applied (the reason
// for each patch: docs/adr/0010-patched-secantusdb-planner.md). `cargo install` cannot patch a
// crate, so the two crates are fetched from crates.io, checked against their registry checksums,
// unpacked, patched, and the server built with the crate's own Cargo.lock.
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStep } from '../processes.mjs';
import { cargoCommand, requireCargo, requireCmake } from '../toolchain.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const cratesDownload = process.env.TANDEM_CRATES_DOWNLOAD_URL || 'https://static.crates.io/crates';

/** The patch files applied to each crate, and a fingerprint of them for the cache key. */
export function patchSet(settings) {
  const patches = Object.entries(settings.secantus.patches).map(([crate, file]) => ({
    crate,
    file: path.join(here, file),
  }));
  const hash = createHash('sha256');
  for (const { crate, file } of patches) hash.update(crate).update(readFileSync(file));
  return { patches, fingerprint: hash.digest('hex').slice(0, 12) };
}

async function fetchCrate(name, version, sha256, into) {
  const url = `${cratesDownload}/${name}/${name}-${version}.crate`;
  const hint = 'behind a crates.io mirror, set TANDEM_CRATES_DOWNLOAD_URL to its download root';
  const response = await fetch(url).catch((error) => {
    throw new Error(`downloading ${url}: ${error.cause?.message ?? error.message} (${hint})`);
  });
  if (!response.ok) throw new Error(`downloading ${url}: HTTP ${response.status} (${hint})`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) throw new Error(`${url}: sha256 ${actual}, the registry says ${sha256}`);
  const archive = path.join(into, `${name}-${version}.crate`);
  writeFileSync(archive, bytes);
  runStep(`unpacking ${name}`, 'tar', ['-xzf', archive, '-C', into]);
  return path.join(into, `${name}-${version}`);
}

/** Builds `secantusd-rs` into `installRoot/bin` and returns its path. */
export async function buildPatchedServer(settings, installRoot, say) {
  requireCargo();
  requireCmake();
  const { version, crateChecksums } = settings.secantus;
  const { patches, fingerprint } = patchSet(settings);
  const sourceDir = path.join(settings.cacheDir, `secantus-src-${version}-${fingerprint}`);
  say(`mongo: building SecantusDB ${version} (+ ${patches.length} Tandem patch) into ${installRoot} (first run only, about 5–7 min)`);
  rmSync(sourceDir, { recursive: true, force: true });
  mkdirSync(sourceDir, { recursive: true });

  const server = await fetchCrate('secantus-mdb', version, crateChecksums['secantus-mdb'], sourceDir);
  const manifest = path.join(server, 'Cargo.toml');
  for (const { crate, file } of patches) {
    const crateDir = await fetchCrate(crate, version, crateChecksums[crate], sourceDir);
    // The ceiling keeps git from treating an enclosing repository as the one to patch.
    runStep(`applying ${path.basename(file)}`, 'git', ['apply', '-p1', file], {
      cwd: crateDir,
      env: { ...process.env, GIT_CEILING_DIRECTORIES: sourceDir },
    });
    appendFileSync(manifest, `\n[patch.crates-io.${crate}]\npath = ${JSON.stringify(crateDir)}\n`);
  }
  // The crate's own Cargo.lock pins every other dependency; only the patched crates are re-locked.
  runStep('building SecantusDB with cargo', cargoCommand(), [
    'build', '--release', '--bin', 'secantusd-rs', '--ignore-rust-version', '--manifest-path', manifest,
  ], { env: { ...process.env, CARGO_TERM_COLOR: 'never', CARGO_TARGET_DIR: path.join(sourceDir, 'target') } });

  const binary = path.join(installRoot, 'bin', 'secantusd-rs');
  mkdirSync(path.dirname(binary), { recursive: true });
  copyFileSync(path.join(sourceDir, 'target', 'release', 'secantusd-rs'), binary);
  // The sources and the 1 GB target directory are only needed again for a new version or patch.
  rmSync(sourceDir, { recursive: true, force: true });
  return binary;
}
