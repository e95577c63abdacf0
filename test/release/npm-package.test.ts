// The npm package as a CI machine gets it: `npm run package` builds it, npm installs it offline into an empty prefix
// outside the repository, and the installed `asa-lb` checks the example group, reports its version and serves LSP —
// with nothing of this checkout (its node_modules above all) within reach. Also the .vsix built beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { runCheck } from '../../server/src/cli/check';
import { packageProblems } from '../e2e/workbench/package-contents';
import { zipEntries } from '../e2e/workbench/build';
import { installTarball, packageRelease, ROOT, VERSION } from './packaged';

/**
 * Budgets for the npm tarball: it holds two minified bundles (the command line, and the language server that
 * `asa-lb lsp` loads, each with the core and chevrotain) and three documents.
 */
const PACKED_BUDGET = 384 * 1024;
const UNPACKED_BUDGET = 1280 * 1024;

const release = packageRelease();
const installed = installTarball(release.tarball);

function asaLb(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(installed.bin, args, {
    cwd: installed.cwd,
    env: installed.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

test('the tarball holds the command-line and language-server bundles, README, LICENSE, CHANGELOG and a manifest without dependencies', (t) => {
  const entries = spawnSync('tar', ['-tzf', release.tarball], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
  assert.deepEqual(entries, [
    'package/CHANGELOG.md',
    'package/LICENSE',
    'package/README.md',
    'package/dist/cli.js',
    'package/dist/server.js',
    'package/package.json',
  ]);
  const manifest = JSON.parse(
    spawnSync('tar', ['-xzOf', release.tarball, 'package/package.json'], { encoding: 'utf8' }).stdout,
  ) as Record<string, unknown>;
  assert.equal(manifest.version, VERSION);
  assert.deepEqual(manifest.bin, { 'asa-lb': 'dist/cli.js' });
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'private', 'main', 'scripts'])
    assert.equal(manifest[field], undefined, field);
  // The repository's manifest names no runtime dependency either: everything is in the bundles.
  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(own.dependencies, undefined);
  assert.equal(own.private, undefined);

  const packed = statSync(release.tarball).size;
  const installedFiles = filesUnder(join(installed.prefix, 'lib', 'node_modules', 'asa-lb'));
  const unpacked = installedFiles.reduce((sum, file) => sum + statSync(file).size, 0);
  t.diagnostic(
    `npm tarball: ${entries.length} files, ${(packed / 1024).toFixed(0)} KiB packed (budget ${PACKED_BUDGET / 1024} KiB), ${(unpacked / 1024).toFixed(0)} KiB installed (budget ${UNPACKED_BUDGET / 1024} KiB)`,
  );
  assert.ok(packed <= PACKED_BUDGET, `the tarball is ${packed} bytes`);
  assert.ok(unpacked <= UNPACKED_BUDGET, `the installed package is ${unpacked} bytes`);
  // Installing it installed nothing else: no node_modules inside the package, and the prefix holds only asa-lb.
  assert.equal(existsSync(join(installed.prefix, 'lib', 'node_modules', 'asa-lb', 'node_modules')), false);
  assert.deepEqual(readdirSync(join(installed.prefix, 'lib', 'node_modules')), ['asa-lb']);
});

test('the installed asa-lb reports the package version', () => {
  const { status, stdout } = asaLb(['--version']);
  assert.equal(status, 0);
  assert.equal(stdout.trim(), VERSION);
});

test('the installed asa-lb checks the example group: exit 1, the same findings as the sources, the version in SARIF', async () => {
  const examples = join(installed.cwd, 'examples');
  cpSync(join(ROOT, 'test', 'examples'), examples, { recursive: true });
  const text = asaLb(['check', 'examples/']);
  assert.equal(text.status, 1, text.stderr);
  assert.match(text.stdout, /^examples\/dc-vpn-3\.cfg:22:2: error unknown-lb-command: /m);
  assert.match(text.stdout, /predicted director: dc-vpn-1 \(highest priority\)/);

  const json = asaLb(['check', '--format', 'json', examples]);
  const fromSources = await runCheck([examples], { format: 'json' });
  assert.equal(json.stdout, fromSources.stdout);
  const codes = new Set(
    (JSON.parse(json.stdout) as { files: { diagnostics: { code: string }[] }[] }).files.flatMap((f) =>
      f.diagnostics.map((d) => d.code),
    ),
  );
  for (const code of [
    'unknown-lb-command',
    'lb-interface-undefined',
    'encryption-without-ikev1',
    'group-setting-mismatch',
    'pool-overlap',
    'probable-vip-typo',
  ]) {
    assert.ok(codes.has(code), code);
  }

  const sarif = JSON.parse(asaLb(['check', '--format', 'sarif', 'examples/']).stdout) as {
    runs: { tool: { driver: { name: string; version: string } } }[];
  };
  assert.deepEqual(sarif.runs[0]!.tool.driver, { ...sarif.runs[0]!.tool.driver, name: 'asa-lb', version: VERSION });
});

test('the installed asa-lb lsp --stdio answers initialize with its version and publishes diagnostics', async () => {
  const child = spawn(installed.bin, ['lsp', '--stdio'], {
    cwd: installed.cwd,
    env: installed.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const uri = pathToFileURL(join(installed.cwd, 'dc-vpn-3.cfg')).href;
  const published = new Promise<PublishDiagnosticsParams>((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      if (params.uri === uri && params.diagnostics.length > 0) resolve(params);
    });
  });
  connection.listen();
  try {
    const result = (await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    })) as { serverInfo?: { name: string; version: string } };
    assert.deepEqual(result.serverInfo, { name: 'asa-lb', version: VERSION });
    await connection.sendNotification('initialized', {});
    const text = readFileSync(join(ROOT, 'test', 'examples', 'dc-vpn-3.cfg'), 'utf8');
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'asa', version: 1, text },
    });
    const diagnostics = await published;
    assert.ok(
      diagnostics.diagnostics.some((d) => d.code === 'unknown-lb-command' && d.range.start.line === 21),
      JSON.stringify(diagnostics),
    );
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const code = await new Promise<number | null>((resolve) => child.once('exit', (status) => resolve(status)));
    assert.equal(code, 0, stderr);
  } finally {
    connection.dispose();
    child.kill();
  }
});

test('the .vsix built beside it holds what the extension runs, and vsce printed no warning', (t) => {
  const entries = zipEntries(release.vsix);
  assert.deepEqual(packageProblems(entries), [], entries.join(', '));
  for (const file of [
    'extension/dist/client.js',
    'extension/dist/server.js',
    'extension/dist/webview.js',
    'extension/changelog.md',
  ])
    assert.ok(entries.includes(file), file);
  assert.doesNotMatch(release.output, /WARNING/i, release.output);
  t.diagnostic(`.vsix: ${entries.length} entries, ${(statSync(release.vsix).size / 1024).toFixed(0)} KiB`);
});
