// `asaLb/workspaceFiles`, over a real connection: the files the extension reads through the editor for folders the
// server cannot read (a web worker, a virtual file system) get exactly the diagnostics the same files get when the
// server reads them from disk itself — the same detection, group checks and ranges — and leave the workspace when the
// editor reports them gone.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import type { WorkspaceFile } from '../../server/src/protocol';
import { fileUri, removeFolder, ROOT, TestClient } from './client';

/** Two members that share a hostname (each gets `duplicate-hostname`, a group check), and notes that are no config. */
const FIXTURE = join(ROOT, 'test', 'fixtures', 'group', 'duplicate-hostname--two-configs');
const FILES = ['asa1.cfg', 'asa1-old.cfg', 'notes.txt'];
const DEVICES = ['asa1.cfg', 'asa1-old.cfg'];
/** Where github.dev would put them. */
const VIRTUAL = 'vscode-vfs://github/acme/network-configs';

const summary = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.map((d) => `${d.code} ${JSON.stringify(d.range)} ${d.message}`).sort();

describe('asaLb/workspaceFiles (files read through the editor)', () => {
  let dir: string;
  let disk: TestClient;
  let handed: TestClient;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'asa-lb-workspace-files-'));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'Change window: Saturday 02:00.\n');
    [disk, handed] = await Promise.all([TestClient.start({ folder: dir }), TestClient.start({ noFolders: true })]);
  });
  after(async () => {
    await Promise.all([disk.stop(), handed.stop()]);
    removeFolder(dir);
  });

  it('gives each handed-over file the diagnostics the server gives it when it reads the folder itself', async () => {
    const files: WorkspaceFile[] = FILES.map((relativePath) => ({
      uri: `${VIRTUAL}/${relativePath}`,
      relativePath,
      text: readFileSync(join(dir, relativePath), 'utf8'),
    }));
    await handed.notify('asaLb/workspaceFiles', { files });
    for (const name of DEVICES) {
      const fromDisk = await disk.diagnostics(fileUri(join(dir, name)), (d) =>
        d.some((x) => x.code === 'duplicate-hostname'),
      );
      const fromEditor = await handed.diagnostics(
        `${VIRTUAL}/${name}`,
        (d) => summary(d).join() === summary(fromDisk).join(),
      );
      assert.deepEqual(summary(fromEditor), summary(fromDisk), name);
    }
  });

  it('drops a file the editor reports gone, and the group checks see one member fewer', async () => {
    await handed.notify('asaLb/workspaceFiles', {
      files: [{ uri: `${VIRTUAL}/asa1-old.cfg`, relativePath: 'asa1-old.cfg', text: null }],
    });
    assert.deepEqual(
      await handed.diagnostics(`${VIRTUAL}/asa1-old.cfg`, (d) => d.length === 0),
      [],
      'a dropped file has no diagnostics left',
    );
    const after = await handed.diagnostics(
      `${VIRTUAL}/asa1.cfg`,
      (d) => !d.some((x) => x.code === 'duplicate-hostname'),
    );
    assert.ok(!after.some((d) => d.code === 'duplicate-hostname'));
  });

  it('keeps a handed-over file out when its text does not look like ASA, as for files read from disk', async () => {
    const uri = `${VIRTUAL}/asa1.cfg`;
    await handed.notify('asaLb/workspaceFiles', {
      files: [{ uri, relativePath: 'asa1.cfg', text: 'Shopping list:\n- cables\n' }],
    });
    assert.deepEqual(await handed.nextDiagnostics(uri), []);
  });

  it('ignores malformed entries and keeps working', async () => {
    await handed.notify('asaLb/workspaceFiles', { files: [null, { uri: 5 }, { uri: `${VIRTUAL}/x.cfg` }] });
    await handed.notify('asaLb/workspaceFiles', null);
    const text = readFileSync(join(dir, 'asa1.cfg'), 'utf8');
    await handed.notify('asaLb/workspaceFiles', {
      files: [{ uri: `${VIRTUAL}/asa1.cfg`, relativePath: 'asa1.cfg', text }],
    });
    await handed.notify('asaLb/workspaceFiles', {
      files: [
        {
          uri: `${VIRTUAL}/asa1-old.cfg`,
          relativePath: 'asa1-old.cfg',
          text: readFileSync(join(dir, 'asa1-old.cfg'), 'utf8'),
        },
      ],
    });
    await handed.diagnostics(`${VIRTUAL}/asa1.cfg`, (d) => d.some((x) => x.code === 'duplicate-hostname'));
  });
});
