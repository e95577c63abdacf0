// What the `asa-lb` bundle holds, as `npm run package` builds it (production, into a temporary folder): the commands
// every start compiles, and not the language server, whose protocol libraries are as large as the core and which only
// `asa-lb lsp` runs (it loads the server's own bundle from beside the CLI's; test/lsp/transports.test.ts runs it).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..', '..');
let out = '';

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'asa-lb-cli-bundle-'));
  await promisify(execFile)(
    process.execPath,
    ['esbuild.config.mjs', '--production', '--metafile', `--outdir=${out}`, '--only=cli'],
    { cwd: ROOT },
  );
});

after(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

/** The source files and packages esbuild put into a bundle. */
function inputs(name: string): string[] {
  const meta = JSON.parse(readFileSync(join(out, `${name}.meta.json`), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  return Object.values(meta.outputs).flatMap((output) => Object.keys(output.inputs));
}

test('the CLI bundle holds no language server: neither the protocol libraries nor the server that answers them', () => {
  const all = inputs('cli');
  assert.ok(all.some((path) => path.startsWith('server/src/cli/')));
  assert.ok(all.some((path) => path.includes('node_modules/chevrotain/')));
  // (`asa-lb fix` shares one pure helper of server/src/lsp/, how quick fixes are combined, with the server.)
  assert.deepEqual(
    all.filter((path) => /node_modules\/vscode-|^server\/src\/lsp\/(?:node|server|session|main)\.ts$/.test(path)),
    [],
  );
});
