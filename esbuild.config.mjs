// Bundles the extension client, the language server and the CLI into CommonJS files under dist/, and the redirect
// preview page into one browser script. Bundling lets ESM-only dependencies (chevrotain) run in Node 20's CommonJS
// extension host.
//   --watch             rebuild on change
//   --production        minify, no source maps
//   --outdir=DIR        write somewhere else than dist/ (tests build into a temporary folder, so they never race
//                       with other tests that run the files in dist/)
//   --metafile          also write each build's esbuild metafile next to its bundle (<name>.meta.json)
//   --only=a,b          build only these entries (cli, server, client, webview, web/client, web/server)
// The web builds (dist/web/) are the extension and its server for a browser's web worker extension host: the same
// sources, except that the server's modules with a `.web.ts` sibling (its file-system and engine access) are replaced
// by that sibling, as a package's `browser` field replaces modules.
import * as esbuild from 'esbuild';
import { existsSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const outdir = option('outdir') ?? 'dist';
const only = option('only')?.split(',');
const metafile = process.argv.includes('--metafile');

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

/** Resolves `./name` to `./name.web.ts` when that file exists next to the importer: the web worker's form of a module. */
const webSiblings = {
  name: 'web-siblings',
  setup(build) {
    build.onResolve({ filter: /^\.\/[\w-]+$/ }, ({ path: request, resolveDir }) => {
      const sibling = `${resolveDir}/${request.slice(2)}.web.ts`;
      return existsSync(sibling) ? { path: sibling } : undefined;
    });
  },
};
const web = { ...common, platform: 'browser', target: 'es2022', plugins: [webSiblings] };

const builds = [
  { ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir, banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir },
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir, external: ['vscode'] },
  // The preview page runs in the webview (a browser): one self-contained script, no Node built-ins, no eval.
  {
    ...common,
    entryPoints: { webview: 'client/src/webview/main.ts' },
    outdir,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  // The web worker extension host loads a browser entry as CommonJS (`module.exports.activate`), with `vscode` given.
  { ...web, entryPoints: { 'web/client': 'client/src/browser.ts' }, outdir, format: 'cjs', external: ['vscode'] },
  // The server is a classic worker script.
  { ...web, entryPoints: { 'web/server': 'server/src/lsp/worker.ts' }, outdir, format: 'iife' },
]
  .filter((options) => Object.values(options.entryPoints).every((entry) => existsSync(entry)))
  .filter((options) => !only || Object.keys(options.entryPoints).some((name) => only.includes(name)));

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all(
    builds.map(async (options) => {
      const result = await esbuild.build({ ...options, metafile });
      const [name] = Object.keys(options.entryPoints);
      if (metafile) writeFileSync(`${outdir}/${name}.meta.json`, JSON.stringify(result.metafile));
    }),
  );
}
