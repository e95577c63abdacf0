// The change-script requests over a real connection: `asaLb/changeScript` answers the transcript `asa-lb script`
// prints, and a change-script document told its base with `asaLb/scriptBase` is judged on that base, not on the
// workspace's current copy of the configuration.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ChangeScriptResult } from '../../server/src/protocol';
import { CLI, codes, copyFixture, fileUri, removeFolder, TestClient } from './client';

describe('change scripts over LSP', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = copyFixture('group');
    client = await TestClient.start({ folder: dir });
    await client.waitForMessage('asaLb/groupsChanged');
  });
  after(async () => {
    await client.stop();
    removeFolder(dir);
  });

  it('asaLb/changeScript answers the transcript of the CLI, between the saved file and the editor text', async () => {
    const path = join(dir, 'asa1.cfg');
    const saved = readFileSync(path, 'utf8');
    const edited = saved.replace(/^ priority \d+$/m, ' priority 3');
    assert.notEqual(edited, saved);
    const answer = await client.request<ChangeScriptResult>('asaLb/changeScript', {
      uri: fileUri(path),
      baseLabel: 'saved file',
      baseText: saved,
      targetText: edited,
    });
    assert.ok(answer.ok);
    const other = mkdtempSync(join(tmpdir(), 'asa-lb-lsp-'));
    writeFileSync(join(other, 'asa1.cfg (saved file)'), saved);
    writeFileSync(join(other, 'asa1.cfg (editor)'), edited);
    const printed = execFileSync(
      process.execPath,
      [CLI, 'script', '--format', 'transcript', '--force', 'asa1.cfg (saved file)', 'asa1.cfg (editor)'],
      { cwd: other, encoding: 'utf8' },
    );
    assert.equal(answer.text, printed);
    assert.match(answer.text, /\(config-load-balancing\)# priority 3$/m);
  });

  it('a change-script document is judged on the base it was told, and the base is named in related information', async () => {
    const path = join(dir, 'asa1.cfg');
    const saved = readFileSync(path, 'utf8');
    // The editor's copy gives the public interface another address; the script then sets the virtual address to the
    // saved file's public address: a conflict only on the base the script was made from.
    const hostname = /^hostname (\S+)/m.exec(saved)![1]!;
    const publicAddress = /interface lbpublic (\S+)/.exec(saved) ? /^ ip address (\S+) /m.exec(saved)![1]! : '';
    const script = [
      `${hostname}# configure terminal`,
      `${hostname}(config)# vpn load-balancing`,
      `${hostname}(config-load-balancing)# cluster ip address ${publicAddress}`,
      `${hostname}(config-load-balancing)# exit`,
      '',
    ].join('\n');
    // The editor's copy of the configuration has moved the public interface to another address.
    await client.open(fileUri(path), saved.replace(` ip address ${publicAddress} `, ' ip address 192.0.2.21 '));
    const uri = 'untitled:Untitled-1';
    await client.open(uri, script);
    const onCurrent = await client.diagnostics(uri, (list) => list.length > 0 || true);
    assert.ok(!codes(onCurrent).includes('cluster-ip-conflict'), 'on the current copy there is no conflict');
    await client.notify('asaLb/scriptBase', { uri, baseUri: fileUri(path), baseText: saved });
    const diagnostics = await client.diagnostics(uri, (list) => codes(list).includes('cluster-ip-conflict'));
    const conflict = diagnostics.find((d) => d.code === 'cluster-ip-conflict')!;
    assert.equal(conflict.range.start.line, 2);
    assert.ok(
      conflict.relatedInformation?.some((r) => r.location.uri === fileUri(path)),
      'points at the configuration',
    );
  });
});
