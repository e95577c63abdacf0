// The extension bundles (`esbuild.config.mjs`, as `npm run build` runs it, into a temporary folder so that no other
// test's files in dist/ change under it), and neither the client nor the preview page can run code from the
// workspace: the only program the client starts is its own bundled server, and the page has no way to evaluate,
// fetch or inject markup.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..', '..');
let out = '';

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'asa-lb-bundle-'));
  await promisify(execFile)(process.execPath, ['esbuild.config.mjs', `--outdir=${out}`, '--only=client,webview'], {
    cwd: ROOT,
  });
});

after(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

test('the client bundles to one CommonJS file that loads only vscode and Node built-ins', () => {
  const bundle = readFileSync(join(out, 'client.js'), 'utf8');
  const required = new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!));
  const allowed = new Set(['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  assert.deepEqual(
    [...required].filter((r) => !allowed.has(r)),
    [],
    'the bundle requires a module it does not contain',
  );
  assert.ok(required.has('vscode'));
});

test("the only program the client starts is the bundled server, from the extension's own folder", () => {
  const bundle = readFileSync(join(out, 'client.js'), 'utf8');
  assert.match(bundle, /asAbsolutePath\("dist\/server\.js"\)/);
  // The server module never comes from a setting: no setting names a path, an executable or a command.
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, unknown> }[] };
  };
  // (Severity settings are named after diagnostic codes such as duplicate-command, so only the others are looked at.)
  const keys = manifest.contributes.configuration
    .flatMap((s) => Object.keys(s.properties))
    .filter((k) => !k.startsWith('asaLb.diagnostics.'));
  assert.ok(keys.length >= 3);
  assert.deepEqual(
    keys.filter((k) => /path|executable|command|runtime|args/i.test(k)),
    [],
  );
});

/** Every TypeScript file of the client, for the source checks below. */
function clientSources(dir = join(ROOT, 'client', 'src')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return clientSources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN_IN_CLIENT: { what: string; pattern: RegExp }[] = [
  { what: 'starting processes', pattern: /from ['"](?:node:)?child_process['"]|require\(['"](?:node:)?child_process/ },
  { what: 'the vm module', pattern: /from ['"](?:node:)?vm['"]/ },
  { what: 'worker threads', pattern: /from ['"](?:node:)?worker_threads['"]/ },
  { what: 'eval', pattern: /\beval\s*\(/ },
  { what: 'new Function', pattern: /\bnew\s+Function\s*\(/ },
  { what: 'tasks', pattern: /\btasks\.executeTask|\bShellExecution\b|\bProcessExecution\b/ },
  { what: 'terminals', pattern: /\bcreateTerminal\b|\bsendText\b/ },
  { what: 'dynamic require or import', pattern: /\brequire\s*\(\s*[^'"\s]|\bimport\s*\(\s*[^'"\s]/ },
  { what: 'markup from strings', pattern: /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write/ },
  { what: 'network access from the page', pattern: /\bfetch\s*\(|XMLHttpRequest|new\s+WebSocket|\bimportScripts\b/ },
];

for (const rule of FORBIDDEN_IN_CLIENT) {
  test(`no client source uses ${rule.what}`, () => {
    const offenders = clientSources().filter((file) => rule.pattern.test(readFileSync(file, 'utf8')));
    assert.deepEqual(
      offenders.map((f) => relative(ROOT, f)),
      [],
    );
  });
}

test('the preview page bundle evaluates nothing, fetches nothing and builds no markup from strings', () => {
  const page = readFileSync(join(out, 'webview.js'), 'utf8');
  for (const pattern of [
    /\beval\s*\(/,
    /\bnew Function\s*\(/,
    /\.innerHTML\b/,
    /\.outerHTML\b/,
    /insertAdjacentHTML/,
    /document\.write/,
    /\bfetch\s*\(/,
    /XMLHttpRequest/,
    /WebSocket/,
  ]) {
    assert.doesNotMatch(page, pattern);
  }
  // The only address in it is the SVG namespace, which names a format and is never requested.
  assert.deepEqual([...new Set(page.match(/https?:\/\/[^"'\s)]+/g) ?? [])], ['http://www.w3.org/2000/svg']);
});

test('the files the preview loads exist where the panel points its resource roots', () => {
  assert.ok(existsSync(join(out, 'webview.js')));
  assert.ok(existsSync(join(ROOT, 'client', 'media', 'preview.css')));
  const panel = readFileSync(join(ROOT, 'client', 'src', 'preview', 'preview-panel.ts'), 'utf8');
  // However the formatter wraps the list.
  assert.match(
    panel,
    /localResourceRoots: \[\s*vscode\.Uri\.joinPath\(this\.context\.extensionUri, 'dist'\),\s*vscode\.Uri\.joinPath\(this\.context\.extensionUri, 'client', 'media'\),?\s*\]/,
  );
});
