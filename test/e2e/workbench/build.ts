// Everything the end-to-end test needs before a workbench starts: code-server and Chromium installed, the product
// built and packaged as the .vsix users install, and the harness extension bundled and packaged next to it.
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { run } from './processes';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
/** Where each run builds its packages, in a folder of its own: `npm test` may run in several checkouts' shells at once. */
export const CACHE = join(ROOT, '.cache', 'e2e');
/** What a run leaves for people to look at: the .vsix, screenshots, logs (gitignored). */
export const ARTIFACTS = join(ROOT, '.artifacts', 'e2e');

const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const HARNESS = join(ROOT, 'test', 'e2e', 'harness');

export interface Installed {
  /** code-server's entry script, run with this process's Node. */
  entry: string;
}

/** Installs code-server and Chromium when they are missing (test/e2e/install-code-server.sh is idempotent). */
export async function installCodeServer(): Promise<Installed> {
  const { stdout } = await run('bash', [join(ROOT, 'test', 'e2e', 'install-code-server.sh')], { cwd: ROOT });
  const home = stdout.trim().split('\n').pop()!;
  return { entry: join(home, 'node_modules', 'code-server', 'out', 'node', 'entry.js') };
}

export interface Package {
  path: string;
  bytes: number;
  /** The paths inside the archive, e.g. `extension/dist/client.js`. */
  files: string[];
  /** The `asa-lb` command line of the same build, to compare what the editor shows with what it reports. */
  cli: string;
}

/** Top-level folders of the repository that are never part of a package: dependencies, caches, outputs, history. */
const NOT_STAGED = new Set(['node_modules', '.git', '.cache', '.artifacts', 'dist', 'out', '.vscode-test']);

/**
 * Packages the product into `dir` as users get it: production bundles (minified, no source maps), then `vsce package`,
 * with `.vscodeignore` choosing from the repository's files. It all happens in a copy of the repository inside `dir`,
 * so the shared dist/ is never rewritten while other tests run the bundles in it.
 */
export async function packageProduct(dir: string): Promise<Package> {
  const stage = join(dir, 'product');
  for (const entry of readdirSync(ROOT)) {
    if (!NOT_STAGED.has(entry)) cpSync(join(ROOT, entry), join(stage, entry), { recursive: true });
  }
  await run(process.execPath, [join(ROOT, 'esbuild.config.mjs'), '--production', `--outdir=${join(stage, 'dist')}`], {
    cwd: ROOT,
  });
  const path = join(dir, 'asa-lb.vsix');
  // The README's relative links stay relative: package.json has no repository to rewrite them against yet.
  await run(
    process.execPath,
    [VSCE, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '-o', path],
    { cwd: stage },
  );
  return { path, bytes: statSync(path).size, files: zipEntries(path), cli: join(stage, 'dist', 'cli.js') };
}

/**
 * Bundles the harness and its suite into one CommonJS file that needs nothing at run time but `vscode`: the
 * harness extension's main under code-server, and the `extensionTestsPath` of `@vscode/test-electron`.
 */
export async function bundleHarness(outfile: string): Promise<void> {
  await esbuild.build({
    entryPoints: [join(HARNESS, 'src', 'extension.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'error',
    // Mocha's parallel mode resolves worker files at run time; the suite runs serially and never loads that code.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
}

/** Packages the harness extension (its package.json and the bundle) into `dir` as a .vsix for code-server to install. */
export async function packageHarness(dir: string): Promise<string> {
  const stage = join(dir, 'harness');
  mkdirSync(stage, { recursive: true });
  await bundleHarness(join(stage, 'harness.js'));
  copyFileSync(join(HARNESS, 'package.json'), join(stage, 'package.json'));
  const path = join(dir, 'asa-lb-e2e-harness.vsix');
  await run(
    process.execPath,
    [VSCE, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', path],
    { cwd: stage },
  );
  return path;
}

/** The names in a zip archive, read from its central directory (a .vsix is a zip). */
export function zipEntries(path: string): string[] {
  const zip = readFileSync(path);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error(`${path} is not a zip archive`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: damaged central directory`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
