// The CLI and server bundles the subprocess tests run, built by the tests themselves: `esbuild.config.mjs` writes them
// into a folder named after the sources' content, so a test never runs a stale dist/ or depends on `npm run build`,
// and test files running in parallel share one build instead of racing to rewrite the same files.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const CACHE = join(ROOT, '.cache', 'test-bundles');
/** What the bundles are made of: the server sources, the build script and what it reads. */
const INPUTS = ['server/src', 'esbuild.config.mjs', 'package.json', 'package-lock.json'];

function files(path: string): string[] {
  const absolute = join(ROOT, path);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [path];
  return readdirSync(absolute)
    .sort()
    .flatMap((name) => files(`${path}/${name}`));
}

function contentHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files))
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(ROOT, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

let built: string | undefined;

/** The folder holding `cli.js` and `server.js` built from the current sources (built once per content). */
export function bundlesDir(): string {
  if (built) return built;
  const dir = join(CACHE, contentHash());
  if (!existsSync(join(dir, 'server.js'))) {
    mkdirSync(CACHE, { recursive: true });
    const temporary = `${dir}.${process.pid}`;
    const result = spawnSync(process.execPath, ['esbuild.config.mjs', `--outdir=${temporary}`, '--only=cli,server'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`building the bundles failed:\n${result.stderr}`);
    // Another test process may have finished the same build first; either copy is the same.
    try {
      renameSync(temporary, dir);
    } catch {
      rmSync(temporary, { recursive: true, force: true });
    }
  }
  built = dir;
  return dir;
}

/** The path of one bundle: `cli` (the `asa-lb` command) or `server` (the language server). */
export function bundle(name: 'cli' | 'server'): string {
  return join(bundlesDir(), `${name}.js`);
}
