// The web worker builds (dist/web/: the extension's browser entry and its language server) as esbuild makes them for
// the .vsix: bundled for the browser, they must reference no Node built-in — a web worker extension host has none, and
// one `require("fs")` would fail the extension at activation there. Also checks that each `.web.ts` module the web
// build swaps in has the exports of the Node module it replaces.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import type * as nodeDisk from '../../server/src/lsp/disk';
import * as webDisk from '../../server/src/lsp/disk.web';
import type * as nodePaths from '../../server/src/lsp/local-paths';
import * as webPaths from '../../server/src/lsp/local-paths.web';
import type * as nodeMemory from '../../server/src/lsp/memory';
import * as webMemory from '../../server/src/lsp/memory.web';
import type * as nodeUris from '../../server/src/lsp/uris';
import * as webUris from '../../server/src/lsp/uris.web';
import { ROOT } from './client';

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isBuiltin = (path: string): boolean =>
  BUILTINS.has(path) || path.startsWith('node:') || BUILTINS.has(path.split('/')[0]!);

/**
 * Every reference to a Node built-in in a bundle: imports esbuild left external, inputs from the Node variants of the
 * LSP libraries, and `require("…")` calls of a built-in in the text (a guarded `module.require("util")`, as lodash
 * probes for Node, is a member call and not counted).
 */
export function nodeReferences(meta: esbuild.Metafile, text: string): string[] {
  const found: string[] = [];
  for (const output of Object.values(meta.outputs)) {
    for (const imported of output.imports)
      if (imported.external && isBuiltin(imported.path)) found.push(`import of ${imported.path}`);
  }
  for (const input of Object.keys(meta.inputs)) if (/\/lib\/node\//.test(input)) found.push(`input ${input}`);
  for (const match of text.matchAll(/(?<![\w$.])require\(\s*["']([^"']+)["']\s*\)/g))
    if (isBuiltin(match[1]!)) found.push(`require("${match[1]}")`);
  return found;
}

describe('the web worker builds', () => {
  let out: string;
  before(() => {
    out = mkdtempSync(join(tmpdir(), 'asa-lb-web-build-'));
    const result = spawnSync(
      process.execPath,
      ['esbuild.config.mjs', `--outdir=${out}`, '--only=web/client,web/server', '--metafile', '--production'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(result.status, 0, `the web build failed:\n${result.stderr}`);
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  for (const name of ['client', 'server']) {
    it(`web/${name}.js references no Node built-in`, () => {
      const meta = JSON.parse(readFileSync(join(out, 'web', `${name}.meta.json`), 'utf8')) as esbuild.Metafile;
      const text = readFileSync(join(out, 'web', `${name}.js`), 'utf8');
      assert.deepEqual(nodeReferences(meta, text), []);
      // Only the editor's API stays outside the bundle.
      const external = Object.values(meta.outputs).flatMap((o) =>
        o.imports.filter((i) => i.external).map((i) => i.path),
      );
      assert.deepEqual([...new Set(external)], name === 'client' ? ['vscode'] : []);
    });
  }

  it('the server bundle takes the web forms of the modules that touch the file system and the engine', () => {
    const meta = JSON.parse(readFileSync(join(out, 'web', 'server.meta.json'), 'utf8')) as esbuild.Metafile;
    const inputs = Object.keys(meta.inputs).filter((i) => i.startsWith('server/src/lsp/'));
    for (const module of ['disk', 'local-paths', 'memory', 'uris']) {
      assert.ok(inputs.includes(`server/src/lsp/${module}.web.ts`), `${module}.web.ts is bundled`);
      assert.ok(!inputs.includes(`server/src/lsp/${module}.ts`), `${module}.ts is not`);
    }
  });

  it('the check finds a Node built-in in a bundle that has one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asa-lb-web-bad-'));
    try {
      writeFileSync(
        join(dir, 'entry.js'),
        "const { join } = require('node:path'); const fs = require('fs'); module.exports = join(fs.x, 'a');\n",
      );
      const result = await esbuild.build({
        entryPoints: [join(dir, 'entry.js')],
        bundle: true,
        platform: 'browser',
        format: 'cjs',
        write: false,
        metafile: true,
        external: ['node:*', 'fs'],
        logLevel: 'silent',
      });
      const found = nodeReferences(result.metafile, result.outputFiles[0]!.text);
      assert.ok(found.includes('import of node:path') && found.includes('require("fs")'), found.join(', '));
      // And esbuild itself refuses one that is not declared external.
      await assert.rejects(
        esbuild.build({
          entryPoints: [join(dir, 'entry.js')],
          bundle: true,
          platform: 'browser',
          write: false,
          logLevel: 'silent',
        }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the web forms of the server modules', () => {
  // Checked by the type checker: each web form can stand wherever its Node module is used.
  const disk: typeof nodeDisk = webDisk;
  const paths: typeof nodePaths = webPaths;
  const memory: typeof nodeMemory = webMemory;
  const uris: Omit<typeof nodeUris, 'UriMap'> = webUris;
  const uriMap: { [K in keyof nodeUris.UriMap]: nodeUris.UriMap[K] } = new webUris.UriMap();

  it('export the same names as the modules they replace', async () => {
    for (const [name, web] of Object.entries({ disk, 'local-paths': paths, memory, uris: webUris })) {
      const node = (await import(`../../server/src/lsp/${name}.ts`)) as object;
      assert.deepEqual(Object.keys(web).sort(), Object.keys(node).sort(), name);
    }
    assert.equal(uris.uriKey('vscode-vfs://github/acme/net/asa1.cfg'), 'vscode-vfs://github/acme/net/asa1.cfg');
    assert.equal(
      uriMap.toClient(uriMap.remember('vscode-remote://host/a%20b/asa1.cfg')),
      'vscode-remote://host/a%20b/asa1.cfg',
    );
  });

  it('read nothing from a file system the worker does not have', async () => {
    assert.deepEqual(await disk.readDeviceFile('/etc/hosts', 'hosts.cfg', ['**/*.cfg']), { kind: 'missing' });
    assert.equal(uris.keyPath('file:///etc/hosts'), null);
  });
});
