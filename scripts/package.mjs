// Builds the two release artefacts, named with package.json's version: the VS Code extension (`asa-lb-X.Y.Z.vsix`)
// and the npm package of the command line and language server (`asa-lb-X.Y.Z.tgz`).
//   --out=DIR    where the artefacts go (default dist/); tests package into a temporary folder.
//   --npm-only   only the npm package (tests of the command line need nothing else).
// Both are made from copies of the repository in DIR, so the bundles in dist/ that other commands run are never
// rewritten halfway. The npm copy's manifest has no `main`: npm always packs the file `main` names (the extension's
// client), which the command line never runs. It also drops what only the extension and development read.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const out = resolve(option('out') ?? join(ROOT, 'dist'));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const base = `${manifest.name}-${manifest.version}`;
const npmOnly = process.argv.includes('--npm-only');

/** Top-level entries of the repository that never go into a package: dependencies, caches, outputs, history. */
const NOT_COPIED = new Set(['node_modules', '.git', '.cache', '.artifacts', 'dist', 'out', '.vscode-test']);
/** The fields of the npm package's manifest: what npm, the registry's page and `npx` read. */
const NPM_FIELDS = [
  'name',
  'version',
  'description',
  'license',
  'homepage',
  'bugs',
  'repository',
  'keywords',
  'bin',
  'engines',
];

/** Runs a command to completion; returns its standard output and error apart, or throws with both. */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.error}):\n${result.stdout}${result.stderr}`,
    );
  return { stdout: result.stdout, stderr: result.stderr };
}

mkdirSync(out, { recursive: true });
const stage = join(out, `.stage-${process.pid}`);
rmSync(stage, { recursive: true, force: true });
try {
  // The extension: production bundles (minified, no source maps) in a copy of the repository; .vscodeignore chooses.
  const extension = join(stage, 'extension');
  for (const entry of readdirSync(ROOT)) {
    if (!NOT_COPIED.has(entry)) cpSync(join(ROOT, entry), join(extension, entry), { recursive: true });
  }
  run(
    process.execPath,
    [
      join(ROOT, 'esbuild.config.mjs'),
      '--production',
      `--outdir=${join(extension, 'dist')}`,
      ...(npmOnly ? ['--only=cli,server'] : []),
    ],
    ROOT,
  );
  const vsix = join(out, `${base}.vsix`);
  if (!npmOnly) {
    const vsce = run(
      process.execPath,
      [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix],
      extension,
    );
    // vsce's warnings (missing repository, licence, icon …) are release defects, so they are printed for the caller.
    for (const line of `${vsce.stdout}${vsce.stderr}`.split('\n').filter((l) => /WARNING/.test(l)))
      console.log(`vsce: ${line.trim()}`);
    console.log(`${vsix}: ${(statSync(vsix).size / 1024).toFixed(0)} KiB`);
  }

  // The npm package: the command-line bundle, the language server's bundle that `asa-lb lsp` loads from beside it
  // (each holds every library it uses), and the documents.
  const npm = join(stage, 'npm');
  mkdirSync(join(npm, 'dist'), { recursive: true });
  for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md', '.npmignore']) cpSync(join(ROOT, file), join(npm, file));
  for (const bundle of ['cli.js', 'server.js']) cpSync(join(extension, 'dist', bundle), join(npm, 'dist', bundle));
  const npmManifest = Object.fromEntries(
    NPM_FIELDS.filter((k) => manifest[k] !== undefined).map((k) => [k, manifest[k]]),
  );
  npmManifest.engines = { node: manifest.engines.node };
  writeFileSync(join(npm, 'package.json'), `${JSON.stringify(npmManifest, null, 2)}\n`);
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', out], npm).stdout)[0];

  console.log(
    `${join(out, packed.filename)}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked`,
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}
