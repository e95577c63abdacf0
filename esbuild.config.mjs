// Bundles the extension client, the language server and the CLI into CommonJS files under dist/, and the redirect
// preview page into one browser script. Bundling lets ESM-only dependencies (chevrotain) run in Node 20's CommonJS
// extension host.
//   --watch             rebuild on change
//   --production        minify, no source maps
//   --outdir=DIR        write somewhere else than dist/ (tests build into a temporary folder, so they never race
//                       with other tests that run the files in dist/)
//   --only=a,b          build only these entries (cli, server, client, webview)
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const outdir = option('outdir') ?? 'dist';
const only = option('only')?.split(',');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  { ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir, banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir },
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir, external: ['vscode'] },
  // The preview page runs in the webview (a browser): one self-contained script, no Node built-ins, no eval.
  { ...common, entryPoints: { webview: 'client/src/webview/main.ts' }, outdir, platform: 'browser', format: 'iife', target: 'es2022' },
]
  .filter((options) => Object.values(options.entryPoints).every((entry) => existsSync(entry)))
  .filter((options) => !only || Object.keys(options.entryPoints).some((name) => only.includes(name)));

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
