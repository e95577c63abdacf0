// Bundles the extension client, the language server and the CLI into CommonJS files under dist/.
// Bundling lets ESM-only dependencies (chevrotain) run in Node 20's CommonJS extension host.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

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

import { existsSync } from 'node:fs';

const builds = [
  { ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
].filter((options) => Object.values(options.entryPoints).every((entry) => existsSync(entry)));

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
