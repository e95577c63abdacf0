// Diagnostics over a real stdio connection to the bundled server: open files, unopened members found by background
// indexing, cross-device updates after an edit or a deletion, settings applied without restart, push and pull.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import {
  codes,
  copyFixture,
  fileUri,
  PULL_CAPABILITIES,
  removeFolder,
  ROOT,
  TestClient,
  type StartOptions,
} from './client';

const README = 'https://github.com/asa-lb/asa-lb/blob/main/README.md';
const has = (code: string) => (ds: Diagnostic[]) => ds.some((d) => d.code === code);
const lacks = (code: string) => (ds: Diagnostic[]) => !ds.some((d) => d.code === code);

/** One test's server and its private copy of a fixture folder, both cleaned up after the test. */
const running: { client: TestClient; dir: string }[] = [];
async function start(
  fixture: string,
  options: StartOptions = {},
  prepare?: (dir: string) => void,
): Promise<{ client: TestClient; dir: string; uri: (name: string) => string }> {
  const dir = copyFixture(fixture);
  prepare?.(dir);
  const client = await TestClient.start({ folder: dir, ...options });
  running.push({ client, dir });
  return { client, dir, uri: (name) => fileUri(join(dir, name)) };
}

afterEach(async () => {
  for (const { client, dir } of running.splice(0)) {
    await client.stop();
    removeFolder(dir);
  }
});

describe('push diagnostics', () => {
  it('reports an open file with code, link, source, related information and fix data', async () => {
    const { client, dir, uri } = await start('fixes');
    await client.open(uri('edge.cfg'), readFileSync(join(dir, 'edge.cfg'), 'utf8'));
    const diagnostics = await client.diagnostics(uri('edge.cfg'), has('port-out-of-range'));
    assert.deepEqual(codes(diagnostics), [
      'lb-interface-undefined',
      'plaintext-cluster-key',
      'port-out-of-range',
      'single-member-group',
      'unknown-lb-command',
    ]);
    const port = diagnostics.find((d) => d.code === 'port-out-of-range')!;
    assert.equal(port.source, 'asa-lb');
    assert.equal(port.severity, 1);
    assert.equal(port.codeDescription?.href, `${README}#port-out-of-range`);
    assert.deepEqual(port.range, { start: { line: 21, character: 14 }, end: { line: 21, character: 19 } });
    assert.deepEqual(port.data, { version: 1, index: 2, fixes: 1 });
    assert.equal(diagnostics.find((d) => d.code === 'single-member-group')!.severity, 4);
  });

  it('reports cross-device diagnostics for a member nobody opened, found by background indexing', async () => {
    // Configs under node_modules and .git would join the group if indexed (the repository cannot hold such folders,
    // so the test makes them): same virtual address, a clashing public address and another port.
    const decoy = (hostname: string) =>
      readFileSync(join(ROOT, 'test', 'fixtures', 'lsp', 'group', 'asa1.cfg'), 'utf8')
        .replace('hostname asa1', `hostname ${hostname}`)
        .replace(' priority 10', ' priority 5\n cluster port 9099');
    const { client, uri } = await start('group', {}, (dir) => {
      mkdirSync(join(dir, 'node_modules', 'vendor'), { recursive: true });
      writeFileSync(join(dir, 'node_modules', 'vendor', 'asa9.cfg'), decoy('asa9'));
      mkdirSync(join(dir, '.git'));
      writeFileSync(join(dir, '.git', 'asa8.cfg'), decoy('asa8'));
    });
    const diagnostics = await client.diagnostics(uri('site-b/asa3.conf'), has('group-setting-mismatch'));
    const mismatch = diagnostics.find((d) => d.code === 'group-setting-mismatch')!;
    assert.match(String(mismatch.message), /2 of 3 members use port 9023/);
    assert.deepEqual(mismatch.relatedInformation?.map((r) => r.location.uri).sort(), [
      uri('asa1.cfg'),
      uri('asa2.cfg'),
    ]);
    await client.indexingDone();
    // Indexing skipped node_modules and .git, whose configs would otherwise have joined the group.
    const info = await client.request<{ inGroup: boolean; group: { members: { uri: string }[] } }>('asaLb/groupInfo', {
      uri: uri('asa1.cfg'),
    });
    assert.deepEqual(info.group.members.map((m) => m.uri).sort(), [
      uri('asa1.cfg'),
      uri('asa2.cfg'),
      uri('site-b/asa3.conf'),
    ]);
  });

  it("updates another member's diagnostics when one member is edited", async () => {
    const { client, dir, uri } = await start('group');
    await client.diagnostics(uri('site-b/asa3.conf'), has('group-setting-mismatch'));
    await client.open(uri('asa1.cfg'), readFileSync(join(dir, 'asa1.cfg'), 'utf8'));
    // asa1 moves to port 9024: now asa1 and asa3 are the majority, and asa2 (unopened) is the odd one out.
    const asa2 = client.nextDiagnostics(uri('asa2.cfg'), has('group-setting-mismatch'));
    const asa3 = client.nextDiagnostics(uri('site-b/asa3.conf'), lacks('group-setting-mismatch'));
    await client.edit(uri('asa1.cfg'), [
      {
        range: { start: { line: 22, character: 0 }, end: { line: 22, character: 0 } },
        newText: ' cluster port 9024\n',
      },
    ]);
    assert.match(
      String((await asa2).find((d) => d.code === 'group-setting-mismatch')!.message),
      /2 of 3 members use port 9024/,
    );
    assert.deepEqual(await asa3, []);
  });

  it("drops a deleted file's group diagnostics from the other members", async () => {
    const { client, dir, uri } = await start('duplicate-address');
    await client.diagnostics(uri('edge-a.cfg'), has('duplicate-public-address'));
    const gone = client.nextDiagnostics(uri('edge-b.cfg'), (ds) => ds.length === 0);
    const alone = client.nextDiagnostics(uri('edge-a.cfg'), lacks('duplicate-public-address'));
    rmSync(join(dir, 'edge-b.cfg'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('edge-b.cfg'), type: 3 }] });
    assert.deepEqual(await gone, []);
    assert.deepEqual(codes(await alone), ['single-member-group']);
  });

  it('picks up a file created on disk, and a closed document falls back to its disk content', async () => {
    const { client, dir, uri } = await start('duplicate-address');
    await client.diagnostics(uri('edge-a.cfg'), has('duplicate-public-address'));
    const text = readFileSync(join(dir, 'edge-b.cfg'), 'utf8')
      .replace('hostname edge-b', 'hostname edge-c')
      .replace(/192\.0\.2\.11 /, '192.0.2.31 ')
      .replace(/172\.16\.11\./g, '172.16.31.');
    writeFileSync(join(dir, 'edge-c.cfg'), text);
    const created = client.nextDiagnostics(uri('edge-c.cfg'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('edge-c.cfg'), type: 1 }] });
    assert.deepEqual(await created, []);
    // An unsaved edit makes edge-c a duplicate of edge-a; closing without saving takes it back.
    await client.open(uri('edge-c.cfg'), text);
    await client.edit(uri('edge-c.cfg'), [
      { range: { start: { line: 9, character: 20 }, end: { line: 9, character: 22 } }, newText: '11' },
    ]);
    await client.diagnostics(uri('edge-c.cfg'), has('duplicate-public-address'));
    const reverted = client.nextDiagnostics(uri('edge-c.cfg'), lacks('duplicate-public-address'));
    await client.close(uri('edge-c.cfg'));
    assert.deepEqual(await reverted, []);
  });

  it('refuses links created on disk after start, as the indexer does: to a file outside, and through a linked folder', async () => {
    const { client, dir, uri } = await start('duplicate-address');
    await client.diagnostics(uri('edge-a.cfg'), has('duplicate-public-address'));
    // Outside the workspace: a config with a problem, so reading it would publish a diagnostic.
    const outside = mkdtempSync(join(tmpdir(), 'asa-lb-outside-'));
    writeFileSync(join(outside, 'shadow.asa'), 'hostname secret-host\nvpn load-balancing\n cluster port 99999\n');
    try {
      symlinkSync(join(outside, 'shadow.asa'), join(dir, 'shadow.asa'));
      symlinkSync(outside, join(dir, 'linked'));
      await client.notify('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: uri('shadow.asa'), type: 1 },
          { uri: uri('linked/shadow.asa'), type: 1 },
        ],
      });
      // A plain file created after them: once its diagnostics arrive, the links' events were handled.
      writeFileSync(join(dir, 'later.asa'), 'hostname later\nvpn load-balancing\n cluster port 99999\n');
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('later.asa'), type: 1 }] });
      await client.diagnostics(uri('later.asa'), has('port-out-of-range'));
      const linked = client.published.filter((p) => p.uri === uri('shadow.asa') || p.uri === uri('linked/shadow.asa'));
      assert.deepEqual(linked, []);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('follows a file renamed on disk (a delete and a create)', async () => {
    const { client, dir, uri } = await start('duplicate-address');
    await client.diagnostics(uri('edge-b.cfg'), has('duplicate-public-address'));
    const old = client.nextDiagnostics(uri('edge-b.cfg'), (ds) => ds.length === 0);
    const renamed = client.nextDiagnostics(uri('archive/edge-b.cfg'), has('duplicate-public-address'));
    mkdirSync(join(dir, 'archive'));
    renameSync(join(dir, 'edge-b.cfg'), join(dir, 'archive', 'edge-b.cfg'));
    await client.notify('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri('edge-b.cfg'), type: 3 },
        { uri: uri('archive/edge-b.cfg'), type: 1 },
      ],
    });
    await old;
    assert.deepEqual(
      (await renamed)
        .find((d) => d.code === 'duplicate-public-address')!
        .relatedInformation!.map((r) => r.location.uri),
      [uri('edge-a.cfg')],
    );
  });

  it('indexes a workspace folder added during the session', async () => {
    const { client, dir, uri } = await start('group', { noFolders: true });
    assert.deepEqual(client.initializeResult.capabilities.workspace?.workspaceFolders, {
      supported: true,
      changeNotifications: true,
    });
    await client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: fileUri(dir), name: 'group' }], removed: [] },
    });
    await client.diagnostics(uri('site-b/asa3.conf'), has('group-setting-mismatch'));
    const dropped = client.nextDiagnostics(uri('site-b/asa3.conf'), (ds) => ds.length === 0);
    await client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: fileUri(dir), name: 'group' }] },
    });
    await dropped;
  });

  it('re-indexes when the device-file patterns change', async () => {
    const { client, uri } = await start('group');
    await client.diagnostics(uri('site-b/asa3.conf'), has('group-setting-mismatch'));
    // Without `*.conf`, asa3 is no device file any more: its diagnostics go, and the group has two members.
    client.settings = { deviceFiles: ['**/*.cfg'] };
    const gone = client.nextDiagnostics(uri('site-b/asa3.conf'), (ds) => ds.length === 0);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await gone;
    const info = await client.request<{ group: { members: unknown[] } }>('asaLb/groupInfo', { uri: uri('asa1.cfg') });
    assert.equal(info.group.members.length, 2);
    const watched = client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').at(-1);
    assert.deepEqual(
      (watched?.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern),
      ['**/*.cfg', '**/*'],
    );
  });

  it('applies severity settings without a restart, and turns a code off', async () => {
    const { client, uri } = await start('group');
    const asa3 = uri('site-b/asa3.conf');
    assert.equal((await client.diagnostics(asa3, has('group-setting-mismatch')))[0]!.severity, 1);
    client.settings = { diagnostics: { 'group-setting-mismatch': 'warning' } };
    const warned = client.nextDiagnostics(asa3, (ds) => ds[0]?.severity === 2);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(codes(await warned), ['group-setting-mismatch']);
    client.settings = { 'diagnostics.group-setting-mismatch': 'off' };
    const off = client.nextDiagnostics(asa3, lacks('group-setting-mismatch'));
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await off, []);
  });

  it('serves a plain client: no pull, no folders, no dynamic registration, no configuration requests', async () => {
    const { client, dir, uri } = await start('fixes', { capabilities: {}, noFolders: true });
    await client.open(uri('edge.cfg'), readFileSync(join(dir, 'edge.cfg'), 'utf8'));
    const diagnostics = await client.diagnostics(uri('edge.cfg'), has('port-out-of-range'));
    assert.ok(diagnostics.every((d) => d.source === 'asa-lb'));
    assert.deepEqual(client.serverRequests, [], 'the server asked a plain client for something it does not support');
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
    // Settings pushed with didChangeConfiguration still apply.
    const off = client.nextDiagnostics(uri('edge.cfg'), lacks('port-out-of-range'));
    await client.notify('workspace/didChangeConfiguration', {
      settings: { asaLb: { diagnostics: { 'port-out-of-range': 'off' } } },
    });
    assert.ok((await off).length > 0);
  });

  it('stays responsive with a 20 MB document', async () => {
    const { client, dir, uri } = await start('fixes', { noFolders: true });
    const config = readFileSync(join(dir, 'edge.cfg'), 'utf8');
    const filler = Array.from(
      { length: 1000 },
      (_, i) => `access-list OUTSIDE-IN extended permit tcp any host 10.1.${i % 250}.${i % 200} eq 443`,
    ).join('\n');
    let text = config;
    while (text.length < 20 * 1024 * 1024) text = `${filler}\n${text}`;
    await client.open(uri('big.cfg'), text);
    const diagnostics = await client.diagnostics(uri('big.cfg'), has('port-out-of-range'));
    assert.equal(diagnostics.length, 5);
    const line = text.split('\n').indexOf(' cluster port 70000');
    const lens = await client.request<unknown[]>('textDocument/codeLens', { textDocument: { uri: uri('big.cfg') } });
    assert.equal(lens.length, 1);
    const edited = client.nextDiagnostics(uri('big.cfg'), lacks('port-out-of-range'));
    await client.edit(uri('big.cfg'), [
      { range: { start: { line, character: 14 }, end: { line, character: 19 } }, newText: '9023' },
    ]);
    assert.equal((await edited).length, 4);
  });
});

describe('pull diagnostics', () => {
  it('answers textDocument/diagnostic and workspace/diagnostic, and does not also push', async () => {
    const { client, dir, uri } = await start('group', { capabilities: PULL_CAPABILITIES });
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'asa-lb',
      interFileDependencies: true,
      workspaceDiagnostics: true,
    });
    const refreshed = client.waitForMessage('workspace/diagnostic/refresh');
    await client.open(uri('site-b/asa3.conf'), readFileSync(join(dir, 'site-b/asa3.conf'), 'utf8'));
    const workspace = await client.request<{ items: { uri: string; kind: string; items?: Diagnostic[] }[] }>(
      'workspace/diagnostic',
      { previousResultIds: [] },
    );
    assert.deepEqual(workspace.items.map((i) => [i.uri, codes(i.items ?? [])]).sort(), [
      [uri('asa1.cfg'), []],
      [uri('asa2.cfg'), []],
      [uri('site-b/asa3.conf'), ['group-setting-mismatch']],
    ]);
    const full = await client.request<{ kind: string; resultId: string; items: Diagnostic[] }>(
      'textDocument/diagnostic',
      { textDocument: { uri: uri('site-b/asa3.conf') } },
    );
    assert.equal(full.kind, 'full');
    assert.deepEqual(codes(full.items), ['group-setting-mismatch']);
    const again = await client.request<{ kind: string }>('textDocument/diagnostic', {
      textDocument: { uri: uri('site-b/asa3.conf') },
      previousResultId: full.resultId,
    });
    assert.equal(again.kind, 'unchanged');
    await refreshed;
    assert.deepEqual(client.published, [], 'a pulling client got pushed diagnostics too');
  });

  it('reports a file deleted on disk as empty once, so a pulling editor drops its problems', async () => {
    const { client, dir, uri } = await start('group', { capabilities: PULL_CAPABILITIES });
    type Report = { items: { uri: string; kind: string; resultId?: string; items?: Diagnostic[] }[] };
    const pull = (previous: Report['items']): Promise<Report> =>
      client.request<Report>('workspace/diagnostic', {
        previousResultIds: previous
          .filter((i) => i.resultId !== undefined)
          .map((i) => ({ uri: i.uri, value: i.resultId })),
      });
    const first = await pull([]);
    assert.deepEqual(first.items.map((i) => i.uri).sort(), [uri('asa1.cfg'), uri('asa2.cfg'), uri('site-b/asa3.conf')]);
    const refreshed = client.waitForMessage('workspace/diagnostic/refresh');
    rmSync(join(dir, 'asa2.cfg'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('asa2.cfg'), type: 3 }] });
    await refreshed;
    const second = await pull(first.items);
    const deleted = second.items.filter((i) => i.uri === uri('asa2.cfg'));
    assert.deepEqual(
      deleted.map((i) => [i.kind, i.items, i.resultId]),
      [['full', [], undefined]],
      'the deleted file is reported once, empty, without a result id',
    );
    // The client no longer names it, and the server no longer mentions it.
    const third = await pull([
      ...first.items.filter((i) => i.uri !== uri('asa2.cfg')),
      ...second.items.filter((i) => i.uri !== uri('asa2.cfg')),
    ]);
    assert.deepEqual(
      third.items.filter((i) => i.uri === uri('asa2.cfg')),
      [],
    );
  });

  it('pushes anyway when the client asks for push in its initialization options', async () => {
    const { client, uri } = await start('group', {
      capabilities: PULL_CAPABILITIES,
      initializationOptions: { diagnosticMode: 'push' },
    });
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
    await client.diagnostics(uri('site-b/asa3.conf'), has('group-setting-mismatch'));
  });
});
