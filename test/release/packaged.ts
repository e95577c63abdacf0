// The release artefacts as users get them: `npm run package`'s script builds the .vsix and the npm tarball into a
// temporary folder, and the tarball is installed with npm into an empty prefix outside the repository, offline and
// with an empty npm cache, so nothing from this checkout (its node_modules above all) can be found by what runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Folders made here, removed when the test process ends. */
const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder, removed when the test process ends. */
export function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export interface Release {
  dir: string;
  tarball: string;
  vsix: string;
  /** What the packaging script printed (vsce's warnings among it). */
  output: string;
}

export interface Installed {
  prefix: string;
  /** The `asa-lb` command npm linked into the prefix. */
  bin: string;
  /** An empty folder to run commands from. */
  cwd: string;
  /** The environment commands run with: the prefix's bin first on PATH, no NODE_PATH, no npm or tsx settings. */
  env: NodeJS.ProcessEnv;
}

/** Runs the packaging script of `npm run package`; `npmOnly` skips the .vsix for tests that need only the tarball. */
export function packageRelease(options: { npmOnly?: boolean } = {}): Release {
  const dir = temporaryDir('asa-lb-release-');
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts', 'package.mjs'), `--out=${dir}`, ...(options.npmOnly ? ['--npm-only'] : [])],
    { cwd: ROOT, encoding: 'utf8', timeout: 300_000 },
  );
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`scripts/package.mjs failed:\n${output}`);
  return { dir, tarball: join(dir, `asa-lb-${VERSION}.tgz`), vsix: join(dir, `asa-lb-${VERSION}.vsix`), output };
}

/** The environment of a machine that has Node and npm and nothing of this repository. */
function cleanEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    // npm run passes its settings and the package's fields as npm_* variables; NODE_OPTIONS may load tsx.
    if (!/^(npm_|NODE_OPTIONS$|NODE_PATH$|INIT_CWD$)/i.test(name)) env[name] = value;
  }
  return {
    ...env,
    HOME: home,
    NODE_PATH: '',
    npm_config_cache: join(home, 'npm-cache'),
    npm_config_update_notifier: 'false',
  };
}

export function installTarball(tarball: string): Installed {
  const base = temporaryDir('asa-lb-installed-');
  const prefix = join(base, 'prefix');
  const cwd = temporaryDir('asa-lb-cwd-');
  const env = cleanEnv(join(base, 'home'));
  const result = spawnSync(
    'npm',
    ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball],
    { cwd, env, encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`npm install -g ${tarball} failed:\n${result.stdout}${result.stderr}`);
  env.PATH = `${join(prefix, 'bin')}:${env.PATH ?? ''}`;
  return { prefix, bin: join(prefix, 'bin', 'asa-lb'), cwd, env };
}
